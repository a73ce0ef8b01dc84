#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    vector<vector<long long>> insertWindow(vector<vector<long long>>& windows, vector<long long>& window) {
        long long start = window[0], end = window[1];
        vector<vector<long long>> result;
        size_t i = 0, n = windows.size();
        while (i < n && windows[i][1] < start) result.push_back(windows[i++]);
        while (i < n && windows[i][0] <= end) {
            start = min(start, windows[i][0]);
            end = max(end, windows[i][1]);
            i++;
        }
        result.push_back({start, end});
        while (i < n) result.push_back(windows[i++]);
        return result;
    }
};
