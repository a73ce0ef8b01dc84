#include <algorithm>
#include <vector>

class Solution {
public:
    long long fewestStamps(vector<long long>& denominations, long long postage) {
        const long long impossible = postage + 1;
        vector<long long> best(postage + 1, impossible);
        best[0] = 0;
        for (long long amount = 1; amount <= postage; amount++) {
            for (long long d : denominations) {
                if (d <= amount && best[amount - d] + 1 < best[amount]) {
                    best[amount] = best[amount - d] + 1;
                }
            }
        }
        return best[postage] < impossible ? best[postage] : -1;
    }
};
