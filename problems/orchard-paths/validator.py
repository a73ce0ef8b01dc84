"""Exits 0 when an Orchard Cart Routes input respects the constraints."""
import sys

lines = sys.stdin.read().split("\n")
first = lines[0].split()
assert len(first) == 2, "first line must hold R and C"
rows, cols = int(first[0]), int(first[1])
assert 1 <= rows <= 400 and 1 <= cols <= 400, "R or C out of range"
grid = [line.strip() for line in lines[1:] if line.strip()]
assert len(grid) == rows, f"expected {rows} rows, got {len(grid)}"
for r, line in enumerate(grid):
    assert len(line) == cols, f"row {r + 1} has {len(line)} characters, expected {cols}"
    assert set(line) <= {".", "#"}, f"row {r + 1} holds a character other than . and #"
