#include <vector>
using namespace std;

// Divides the total product, special-casing a dead stage -- but only one: with two zeros the
// answer at a zero is the product of the others' non-zero gains, which is wrong (it must be 0).
class Solution {
public:
    vector<long long> bypassGains(vector<long long>& gains) {
        long long all = 1, nonZero = 1;
        for (long long g : gains) {
            all *= g;
            if (g != 0) nonZero *= g;
        }
        vector<long long> result;
        for (long long g : gains) result.push_back(g == 0 ? nonZero : all / g);
        return result;
    }
};
