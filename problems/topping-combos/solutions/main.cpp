#include <algorithm>
#include <vector>
using namespace std;

class Solution {
public:
    vector<vector<long long>> allCombos(vector<long long>& toppings) {
        vector<long long> codes(toppings);
        sort(codes.begin(), codes.end());
        int n = codes.size();
        vector<vector<long long>> combos;
        for (int mask = 0; mask < (1 << n); mask++) {
            vector<long long> combo;
            for (int i = 0; i < n; i++)
                if (mask >> i & 1) combo.push_back(codes[i]);
            combos.push_back(combo);
        }
        sort(combos.begin(), combos.end(), [](const vector<long long>& a, const vector<long long>& b) {
            return a.size() != b.size() ? a.size() < b.size() : a < b;
        });
        return combos;
    }
};
