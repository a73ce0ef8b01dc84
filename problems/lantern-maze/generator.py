"""Prints a Lamplighter's Catacomb input with an N x N map (N capped at 300):
`python3 generator.py N [SEED]`. The seed picks the style: a carved maze with long winding
corridors (plus a few broken walls, so several routes exist) or open floor with scattered rock."""
import random
import sys

n = max(2, min(300, int(sys.argv[1])))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
rng = random.Random(seed)
if seed % 2 == 1:
    # Carve a maze on the even squares with an iterative depth-first search.
    grid = [["#"] * n for _ in range(n)]
    grid[0][0] = "."
    stack = [(0, 0)]
    while stack:
        r, c = stack[-1]
        options = [(r + dr, c + dc, r + dr // 2, c + dc // 2)
                   for dr, dc in ((2, 0), (-2, 0), (0, 2), (0, -2))
                   if 0 <= r + dr < n and 0 <= c + dc < n and grid[r + dr][c + dc] == "#"]
        if not options:
            stack.pop()
            continue
        nr, nc, wr, wc = rng.choice(options)
        grid[wr][wc] = "."
        grid[nr][nc] = "."
        stack.append((nr, nc))
    for _ in range(n * n // 50):
        grid[rng.randrange(n)][rng.randrange(n)] = "."
    free = [(r, c) for r in range(n) for c in range(n) if grid[r][c] == "."]
    start = (0, 0)
    goal = max(free, key=lambda p: p[0] + p[1])
    if goal == start:  # a tiny map where the carving never left the start
        goal = (0, 1)
else:
    grid = [["#" if rng.random() < 0.25 else "." for _ in range(n)] for _ in range(n)]
    start = (0, 0)
    goal = (n - 1, n - 1)
grid[start[0]][start[1]] = "S"
grid[goal[0]][goal[1]] = "E"
print(n, n)
for row in grid:
    print("".join(row))
