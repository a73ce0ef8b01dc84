#include <cmath>

// The closed formula in double precision: near 10^18 the square root is rounded and the
// answer can come out one too large.
class Solution {
public:
    long long fullSteps(long long blocks) {
        return (long long)((std::sqrt((double)(8 * blocks + 1)) - 1) / 2);
    }
};
