#include <vector>
using namespace std;

// Right idea, but the total is kept in a 32-bit int: it overflows on large coasts.
class Solution {
public:
    long long totalInterference(vector<long long>& patterns) {
        int n = patterns.size(), total = 0;
        for (int bit = 0; bit < 30; bit++) {
            int lit = 0;
            for (long long p : patterns) lit += (p >> bit) & 1;
            total += lit * (n - lit);
        }
        return total;
    }
};
