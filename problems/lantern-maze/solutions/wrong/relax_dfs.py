# Depth-first search that re-walks a square whenever it finds a shorter way to it. It ends with
# the right distances, but it may re-walk the same squares an enormous number of times.
import sys

data = sys.stdin.read().split()
rows, cols = int(data[0]), int(data[1])
grid = data[2:2 + rows]
start = goal = None
for r in range(rows):
    for c in range(cols):
        if grid[r][c] == "S":
            start = (r, c)
        elif grid[r][c] == "E":
            goal = (r, c)
INF = float("inf")
dist = [[INF] * cols for _ in range(rows)]
stack = [(start[0], start[1], 0)]
while stack:
    r, c, d = stack.pop()
    if d >= dist[r][c]:
        continue
    dist[r][c] = d
    for nr, nc in ((r - 1, c), (r, c + 1), (r + 1, c), (r, c - 1)):
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and d + 1 < dist[nr][nc]:
            stack.append((nr, nc, d + 1))
best = dist[goal[0]][goal[1]]
print(best if best < INF else -1)
