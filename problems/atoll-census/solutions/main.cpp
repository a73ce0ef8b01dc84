#include <utility>
#include <vector>

class Solution {
public:
    long long countIslands(vector<vector<long long>>& grid) {
        int rows = grid.size(), cols = grid[0].size();
        vector<char> seen(rows * cols, 0);
        vector<int> stack;
        long long islands = 0;
        const int dy[4] = {-1, 1, 0, 0}, dx[4] = {0, 0, -1, 1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (grid[r][c] != 1 || seen[r * cols + c]) continue;
                islands++;
                seen[r * cols + c] = 1;
                stack.push_back(r * cols + c);
                while (!stack.empty()) {
                    int cell = stack.back();
                    stack.pop_back();
                    int y = cell / cols, x = cell % cols;
                    for (int d = 0; d < 4; d++) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                        if (grid[ny][nx] != 1 || seen[ny * cols + nx]) continue;
                        seen[ny * cols + nx] = 1;
                        stack.push_back(ny * cols + nx);
                    }
                }
            }
        }
        return islands;
    }
};
