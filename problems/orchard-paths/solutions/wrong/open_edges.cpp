// Fills the first row and the first column with 1 without looking for hives there:
// a hive on an edge must cut off every plot after it.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main() {
    const long long MOD = 1000000007LL;
    int rows, cols;
    std::cin >> rows >> cols;
    std::vector<std::string> grid(rows);
    for (auto& line : grid) std::cin >> line;
    std::vector<std::vector<long long>> ways(rows, std::vector<long long>(cols, 0));
    for (int r = 0; r < rows; r++) ways[r][0] = grid[r][0] == '#' ? 0 : 1;
    for (int c = 0; c < cols; c++) ways[0][c] = grid[0][c] == '#' ? 0 : 1;
    for (int r = 1; r < rows; r++)
        for (int c = 1; c < cols; c++)
            ways[r][c] = grid[r][c] == '#' ? 0 : (ways[r - 1][c] + ways[r][c - 1]) % MOD;
    printf("%lld\n", ways[rows - 1][cols - 1]);
}
