#include <vector>
using namespace std;

class Solution {
public:
    double warmestStretch(vector<long long>& temps, long long k) {
        long long window = 0;
        for (long long i = 0; i < k; i++) window += temps[i];
        long long best = window;
        for (size_t i = k; i < temps.size(); i++) {
            window += temps[i] - temps[i - k];
            if (window > best) best = window;
        }
        return (double)best / (double)k;
    }
};
