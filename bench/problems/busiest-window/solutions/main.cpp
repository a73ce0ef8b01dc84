#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    long long busiestWindow(vector<long long>& visits, long long k) {
        long long total = 0;
        for (long long i = 0; i < k; i++) total += visits[i];
        long long best = total;
        for (size_t i = k; i < visits.size(); i++) {
            total += visits[i] - visits[i - k];
            best = max(best, total);
        }
        return best;
    }
};
