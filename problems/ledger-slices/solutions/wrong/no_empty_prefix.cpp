#include <unordered_map>
#include <vector>
using namespace std;

// Forgets to seed the map with the empty prefix: slices that start at the first entry are
// never counted.
class Solution {
public:
    long long countSlices(vector<long long>& entries, long long target) {
        unordered_map<long long, long long> seen;
        long long running = 0, count = 0;
        for (long long e : entries) {
            running += e;
            auto it = seen.find(running - target);
            if (it != seen.end()) count += it->second;
            seen[running]++;
        }
        return count;
    }
};
