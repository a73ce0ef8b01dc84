// Depth-first search that stops at the first walk reaching E: that walk is rarely the shortest.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int rows, cols;
std::vector<std::string> grid;
std::vector<std::vector<char>> seen;
const int dr[4] = {-1, 0, 1, 0};
const int dc[4] = {0, 1, 0, -1};

int main() {
    std::cin >> rows >> cols;
    grid.resize(rows);
    for (auto& line : grid) std::cin >> line;
    seen.assign(rows, std::vector<char>(cols, 0));
    int sr = 0, sc = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (grid[r][c] == 'S') sr = r, sc = c;
    // Iterative DFS keeping the current path length on the stack.
    std::vector<int> stack_r{sr}, stack_c{sc}, stack_dir{0};
    seen[sr][sc] = 1;
    while (!stack_r.empty()) {
        int r = stack_r.back(), c = stack_c.back();
        if (grid[r][c] == 'E') {
            printf("%d\n", (int)stack_r.size() - 1);
            return 0;
        }
        int& d = stack_dir.back();
        if (d == 4) {
            stack_r.pop_back();
            stack_c.pop_back();
            stack_dir.pop_back();
            continue;
        }
        int nr = r + dr[d], nc = c + dc[d];
        d++;
        if (nr < 0 || nc < 0 || nr >= rows || nc >= cols || grid[nr][nc] == '#' || seen[nr][nc]) continue;
        seen[nr][nc] = 1;
        stack_r.push_back(nr);
        stack_c.push_back(nc);
        stack_dir.push_back(0);
    }
    printf("-1\n");
}
