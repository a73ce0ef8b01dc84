// Checks columns and the row - col diagonals, but forgets the row + col anti-diagonals.
#include <set>
#include <vector>

class Solution {
    int n = 0;
    std::set<std::pair<long long, long long>> fountain;
    vector<bool> col, diag;

    long long post(int row) {
        if (row == n) return 1;
        long long total = 0;
        for (int c = 0; c < n; c++) {
            if (col[c] || diag[row - c + n] || fountain.count({row, c})) continue;
            col[c] = diag[row - c + n] = true;
            total += post(row + 1);
            col[c] = diag[row - c + n] = false;
        }
        return total;
    }

public:
    long long countLayouts(long long size, vector<vector<long long>>& fountains) {
        n = (int)size;
        fountain.clear();
        for (const auto& f : fountains) fountain.insert({f[0], f[1]});
        col.assign(n, false);
        diag.assign(2 * n + 1, false);
        return post(0);
    }
};
