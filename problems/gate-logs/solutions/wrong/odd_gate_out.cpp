#include <vector>
using namespace std;

// Merges the gates in pairs, round after round, but a gate left without a partner in a round
// is dropped instead of carried over to the next round.
class Solution {
public:
    vector<long long> mergeLogs(vector<vector<long long>>& logs) {
        if (logs.empty()) return {};
        vector<vector<long long>> round = logs;
        while (round.size() > 1) {
            vector<vector<long long>> next;
            for (size_t p = 0; p + 1 < round.size(); p += 2) {
                const auto& a = round[p];
                const auto& b = round[p + 1];
                vector<long long> m;
                size_t i = 0, j = 0;
                while (i < a.size() || j < b.size()) {
                    if (j == b.size() || (i < a.size() && a[i] <= b[j])) m.push_back(a[i++]);
                    else m.push_back(b[j++]);
                }
                next.push_back(m);
            }
            round = next;
        }
        return round[0];
    }
};
