class Solution {
public:
    vector<long long> pairWithSum(vector<long long>& nums, long long target) {
        unordered_map<long long, long long> seen;
        for (long long j = 0; j < (long long)nums.size(); j++) {
            auto it = seen.find(target - nums[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(nums[j], j);
        }
        return {};
    }
};
