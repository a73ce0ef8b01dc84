#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    long long minSnapshots(vector<vector<long long>>& visits) {
        sort(visits.begin(), visits.end(),
             [](const vector<long long>& a, const vector<long long>& b) { return a[1] < b[1]; });
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
