#include <unordered_map>
#include <vector>
using namespace std;

class Solution {
public:
    long long countSlices(vector<long long>& entries, long long target) {
        unordered_map<long long, long long> seen;
        seen.reserve(entries.size() * 2 + 1);
        seen[0] = 1;
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
