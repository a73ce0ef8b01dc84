class Solution {
public:
    long long fullSteps(long long blocks) {
        long long lo = 0, hi = 2000000000LL;
        while (lo < hi) {
            long long mid = (lo + hi + 1) / 2;
            if (mid * (mid + 1) / 2 <= blocks) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
};
