#include <functional>
#include <queue>
#include <tuple>
#include <vector>
using namespace std;

class Solution {
public:
    vector<long long> mergeLogs(vector<vector<long long>>& logs) {
        using Front = tuple<long long, size_t, size_t>;  // value, gate, position
        priority_queue<Front, vector<Front>, greater<Front>> heap;
        for (size_t g = 0; g < logs.size(); g++)
            if (!logs[g].empty()) heap.emplace(logs[g][0], g, 0);
        vector<long long> merged;
        while (!heap.empty()) {
            auto [value, g, i] = heap.top();
            heap.pop();
            merged.push_back(value);
            if (i + 1 < logs[g].size()) heap.emplace(logs[g][i + 1], g, i + 1);
        }
        return merged;
    }
};
