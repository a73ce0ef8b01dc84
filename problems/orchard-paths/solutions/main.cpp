#include <cstdio>
#include <vector>
#include <string>
#include <iostream>

int main() {
    const long long MOD = 1000000007LL;
    int rows, cols;
    if (!(std::cin >> rows >> cols)) return 1;
    std::vector<long long> ways(cols, 0);
    ways[0] = 1;
    std::string line;
    for (int r = 0; r < rows; r++) {
        std::cin >> line;
        long long left = 0;
        for (int c = 0; c < cols; c++) {
            if (line[c] == '#') {
                left = 0;
            } else {
                left = (left + ways[c]) % MOD;
            }
            ways[c] = left;
        }
    }
    printf("%lld\n", ways[cols - 1]);
}
