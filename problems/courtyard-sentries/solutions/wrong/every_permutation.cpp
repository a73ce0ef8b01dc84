// Tries every way to put one sentry per row and column (n! of them) and checks the diagonals.
#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

class Solution {
public:
    long long countLayouts(long long size, vector<vector<long long>>& fountains) {
        int n = (int)size;
        std::set<std::pair<long long, long long>> fountain;
        for (const auto& f : fountains) fountain.insert({f[0], f[1]});
        vector<int> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        long long total = 0;
        do {
            bool ok = true;
            for (int r = 0; r < n && ok; r++) {
                if (fountain.count({r, perm[r]})) ok = false;
                for (int q = 0; q < r && ok; q++) {
                    if (r - q == perm[r] - perm[q] || r - q == perm[q] - perm[r]) ok = false;
                }
            }
            if (ok) total++;
        } while (std::next_permutation(perm.begin(), perm.end()));
        return total;
    }
};
