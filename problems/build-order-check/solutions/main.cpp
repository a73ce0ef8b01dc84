#include <vector>

class Solution {
public:
    bool canBuildAll(long long modules, vector<vector<long long>>& needs) {
        int n = (int)modules;
        vector<int> waiting(n, 0);
        vector<vector<int>> unlocks(n);
        for (const auto& pair : needs) {
            waiting[pair[0]]++;
            unlocks[pair[1]].push_back((int)pair[0]);
        }
        vector<int> ready;
        for (int m = 0; m < n; m++) {
            if (waiting[m] == 0) ready.push_back(m);
        }
        int compiled = 0;
        while (!ready.empty()) {
            int m = ready.back();
            ready.pop_back();
            compiled++;
            for (int other : unlocks[m]) {
                if (--waiting[other] == 0) ready.push_back(other);
            }
        }
        return compiled == n;
    }
};
