"""Prints an Atoll Census input, a grid of about N x N squares: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (the grid). Patterns: random land with a random
density, a serpentine (one long winding island, the worst case for deep recursion), a
checkerboard (the most islands possible) and round blobs."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
rows = n
cols = max(1, n - rng.randint(0, n // 4))
pattern = rng.choice(["random", "serpentine", "checkerboard", "blobs"])
if pattern == "random":
    density = rng.uniform(0.2, 0.8)
    grid = [[1 if rng.random() < density else 0 for _ in range(cols)] for _ in range(rows)]
elif pattern == "serpentine":
    # Land on even rows; odd rows keep one land square at alternating ends to join them.
    grid = [[1] * cols if r % 2 == 0 else [0] * cols for r in range(rows)]
    for r in range(1, rows, 2):
        grid[r][cols - 1 if r % 4 == 1 else 0] = 1
elif pattern == "checkerboard":
    grid = [[(r + c + 1) % 2 for c in range(cols)] for r in range(rows)]
else:
    grid = [[0] * cols for _ in range(rows)]
    for _ in range(rng.randint(1, max(1, n // 3))):
        cy, cx, radius = rng.randrange(rows), rng.randrange(cols), rng.randint(0, max(1, n // 15))
        for y in range(max(0, cy - radius), min(rows, cy + radius + 1)):
            for x in range(max(0, cx - radius), min(cols, cx + radius + 1)):
                if (y - cy) ** 2 + (x - cx) ** 2 <= radius * radius:
                    grid[y][x] = 1
print(json.dumps(grid, separators=(",", ":")))
