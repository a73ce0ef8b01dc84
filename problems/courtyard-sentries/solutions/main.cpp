#include <vector>

class Solution {
    int n = 0;
    unsigned full = 0;
    vector<unsigned> blocked;

    long long post(int row, unsigned cols, unsigned downLeft, unsigned downRight) {
        if (row == n) return 1;
        long long total = 0;
        unsigned free = full & ~(cols | downLeft | downRight | blocked[row]);
        while (free != 0) {
            unsigned bit = free & (~free + 1);
            free ^= bit;
            total += post(row + 1, cols | bit, ((downLeft | bit) << 1) & full, (downRight | bit) >> 1);
        }
        return total;
    }

public:
    long long countLayouts(long long size, vector<vector<long long>>& fountains) {
        n = (int)size;
        full = (1u << n) - 1;
        blocked.assign(n, 0);
        for (const auto& f : fountains) blocked[f[0]] |= 1u << f[1];
        return post(0, 0, 0, 0);
    }
};
