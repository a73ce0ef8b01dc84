#include <algorithm>
#include <string>
#include <vector>

class Solution {
public:
    long long repairCost(string typed, string intended) {
        size_t m = intended.size();
        vector<long long> previous(m + 1), current(m + 1);
        for (size_t j = 0; j <= m; j++) previous[j] = (long long)j;
        for (size_t i = 1; i <= typed.size(); i++) {
            current[0] = (long long)i;
            for (size_t j = 1; j <= m; j++) {
                if (typed[i - 1] == intended[j - 1]) {
                    current[j] = previous[j - 1];
                } else {
                    current[j] = 1 + std::min({previous[j - 1], previous[j], current[j - 1]});
                }
            }
            std::swap(previous, current);
        }
        return previous[m];
    }
};
