#include <vector>
using namespace std;

class Solution {
public:
    long long totalInterference(vector<long long>& patterns) {
        long long n = patterns.size(), total = 0;
        for (int bit = 0; bit < 30; bit++) {
            long long lit = 0;
            for (long long p : patterns) lit += (p >> bit) & 1;
            total += lit * (n - lit);
        }
        return total;
    }
};
