#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    vector<long long> balancingPair(vector<long long>& weights, long long target) {
        unordered_map<long long, long long> seen;
        seen.reserve(weights.size() * 2);
        for (long long j = 0; j < (long long)weights.size(); j++) {
            auto it = seen.find(target - weights[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(weights[j], j);
        }
        return {};
    }
};
