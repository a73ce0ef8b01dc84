# Walks every route one by one: correct, but the number of routes grows exponentially.
import sys

sys.setrecursionlimit(10000)
MOD = 1_000_000_007

data = sys.stdin.read().split()
rows, cols = int(data[0]), int(data[1])
grid = data[2:2 + rows]


def walk(r, c):
    if r >= rows or c >= cols or grid[r][c] == '#':
        return 0
    if r == rows - 1 and c == cols - 1:
        return 1
    return walk(r + 1, c) + walk(r, c + 1)


print(walk(0, 0) % MOD)
