#include <algorithm>
#include <vector>
using namespace std;

class Solution {
    static bool enough(const vector<long long>& crates, long long trips, long long capacity) {
        long long used = 1, load = 0;
        for (long long w : crates) {
            if (load + w > capacity) {
                if (++used > trips) return false;
                load = 0;
            }
            load += w;
        }
        return true;
    }

public:
    long long minFerryCapacity(vector<long long>& crates, long long trips) {
        long long low = 0, high = 0;
        for (long long w : crates) {
            low = max(low, w);
            high += w;
        }
        while (low < high) {
            long long mid = low + (high - low) / 2;
            if (enough(crates, trips, mid)) high = mid; else low = mid + 1;
        }
        return low;
    }
};
