#include <algorithm>
#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    long long syncTime(vector<long long>& periods) {
        const long long MOD = 1000000007LL;
        unordered_map<long long, int> exponent;
        vector<long long> distinct(periods.begin(), periods.end());
        sort(distinct.begin(), distinct.end());
        distinct.erase(unique(distinct.begin(), distinct.end()), distinct.end());
        for (long long x : distinct) {
            for (long long d = 2; d * d <= x; d += (d == 2 ? 1 : 2)) {
                if (x % d != 0) continue;
                int e = 0;
                while (x % d == 0) {
                    x /= d;
                    e++;
                }
                exponent[d] = max(exponent[d], e);
            }
            if (x > 1) exponent[x] = max(exponent[x], 1);
        }
        long long result = 1;
        for (auto& [p, e] : exponent)
            for (int i = 0; i < e; i++) result = result * p % MOD;
        return result;
    }
};
