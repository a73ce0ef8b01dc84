import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    rows, cols = int(data[0]), int(data[1])
    # A border of rock around the map removes the bounds checks.
    width = cols + 2
    cells = bytearray(b"#" * (width * (rows + 2)))
    for r in range(rows):
        cells[(r + 1) * width + 1:(r + 1) * width + 1 + cols] = data[2 + r]
    start = cells.index(b"S")
    goal = cells.index(b"E")
    dist = [-1] * len(cells)
    dist[start] = 0
    queue = deque([start])
    steps = (1, -1, width, -width)
    while queue:
        here = queue.popleft()
        if here == goal:
            break
        d = dist[here] + 1
        for step in steps:
            there = here + step
            if cells[there] != 35 and dist[there] < 0:  # 35 is '#'
                dist[there] = d
                queue.append(there)
    print(dist[goal])


main()
