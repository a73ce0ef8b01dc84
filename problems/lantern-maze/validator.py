"""Exits 0 when a Lamplighter's Catacomb input respects the constraints."""
import sys

lines = sys.stdin.read().split("\n")
first = lines[0].split()
assert len(first) == 2, "first line must hold R and C"
rows, cols = int(first[0]), int(first[1])
assert 1 <= rows <= 300 and 1 <= cols <= 300, "R or C out of range"
grid = [line.strip() for line in lines[1:] if line.strip()]
assert len(grid) == rows, f"expected {rows} rows, got {len(grid)}"
for r, line in enumerate(grid):
    assert len(line) == cols, f"row {r + 1} has {len(line)} characters, expected {cols}"
    assert set(line) <= set(".#SE"), f"row {r + 1} holds an unexpected character"
text = "".join(grid)
assert text.count("S") == 1, "there must be exactly one S"
assert text.count("E") == 1, "there must be exactly one E"
