import sys

MOD = 1_000_000_007


def main():
    data = sys.stdin.buffer.read().split()
    rows, cols = int(data[0]), int(data[1])
    grid = data[2:2 + rows]
    ways = [0] * cols
    ways[0] = 1
    for r in range(rows):
        line = grid[r]
        left = 0
        for c in range(cols):
            if line[c] == 35:  # '#'
                left = 0
            else:
                left = (left + ways[c]) % MOD
            ways[c] = left
    print(ways[cols - 1])


main()
