#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    int rows, cols;
    if (!(std::cin >> rows >> cols)) return 1;
    int width = cols + 2;
    // A border of rock around the map removes the bounds checks.
    std::vector<char> cells(width * (rows + 2), '#');
    int start = -1, goal = -1;
    std::string line;
    for (int r = 0; r < rows; r++) {
        std::cin >> line;
        for (int c = 0; c < cols; c++) {
            int at = (r + 1) * width + c + 1;
            cells[at] = line[c];
            if (line[c] == 'S') start = at;
            if (line[c] == 'E') goal = at;
        }
    }
    std::vector<int> dist(cells.size(), -1), queue;
    queue.reserve(cells.size());
    dist[start] = 0;
    queue.push_back(start);
    const int steps[4] = {1, -1, width, -width};
    for (size_t head = 0; head < queue.size() && dist[goal] < 0; head++) {
        int here = queue[head];
        for (int step : steps) {
            int there = here + step;
            if (cells[there] != '#' && dist[there] < 0) {
                dist[there] = dist[here] + 1;
                queue.push_back(there);
            }
        }
    }
    printf("%d\n", dist[goal]);
}
