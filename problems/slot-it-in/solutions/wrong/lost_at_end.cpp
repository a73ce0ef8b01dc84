#include <algorithm>
#include <vector>
using namespace std;

// Places the new window only when it meets an existing window that does not end before it:
// a request after the whole calendar (or into an empty calendar) is silently dropped.
class Solution {
public:
    vector<vector<long long>> insertWindow(vector<vector<long long>>& windows, vector<long long>& window) {
        long long start = window[0], end = window[1];
        vector<vector<long long>> result;
        bool placed = false;
        for (auto& w : windows) {
            if (w[1] < start) {
                result.push_back(w);
            } else if (w[0] <= end) {
                start = min(start, w[0]);
                end = max(end, w[1]);
            } else {
                if (!placed) result.push_back({start, end});
                placed = true;
                result.push_back(w);
            }
        }
        if (!placed && !windows.empty() && windows.back()[1] >= window[0]) result.push_back({start, end});
        return result;
    }
};
