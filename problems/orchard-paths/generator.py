"""Prints an Orchard Cart Routes input with an N x N grid (N capped at 400):
`python3 generator.py N [SEED]`. Hives are scattered with a random density; the first and the
last plot stay free."""
import random
import sys

n = max(1, min(400, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
density = rng.choice([0.0, 0.05, 0.15, 0.3])
rows = []
for r in range(n):
    row = ["#" if rng.random() < density else "." for _ in range(n)]
    rows.append(row)
rows[0][0] = "."
rows[n - 1][n - 1] = "."
print(n, n)
for row in rows:
    print("".join(row))
