#include <numeric>
#include <vector>
using namespace std;

// The ordinary running LCM, reduced modulo 10^9 + 7 after every step: once the true LCM
// passes the modulus, the gcd is taken with the remainder instead of the true value.
class Solution {
public:
    long long syncTime(vector<long long>& periods) {
        const long long MOD = 1000000007LL;
        long long l = 1;
        for (long long x : periods) l = l / gcd(l, x) % MOD * x % MOD;
        return l;
    }
};
