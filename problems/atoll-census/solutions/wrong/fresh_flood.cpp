// Floods the island of every land square from scratch and counts a square only when it is the
// first square of its island in reading order: island size times island size work.
#include <vector>

class Solution {
public:
    long long countIslands(vector<vector<long long>>& grid) {
        int rows = grid.size(), cols = grid[0].size();
        long long islands = 0;
        vector<int> stamp(rows * cols, -1);
        vector<int> stack;
        for (int start = 0; start < rows * cols; start++) {
            if (grid[start / cols][start % cols] != 1) continue;
            int first = start;
            stamp[start] = start;
            stack.push_back(start);
            while (!stack.empty()) {
                int cell = stack.back();
                stack.pop_back();
                if (cell < first) first = cell;
                int y = cell / cols, x = cell % cols;
                int ny[4] = {y - 1, y + 1, y, y}, nx[4] = {x, x, x - 1, x + 1};
                for (int d = 0; d < 4; d++) {
                    if (ny[d] < 0 || ny[d] >= rows || nx[d] < 0 || nx[d] >= cols) continue;
                    int next = ny[d] * cols + nx[d];
                    if (grid[ny[d]][nx[d]] != 1 || stamp[next] == start) continue;
                    stamp[next] = start;
                    stack.push_back(next);
                }
            }
            if (first == start) islands++;
        }
        return islands;
    }
};
