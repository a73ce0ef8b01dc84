"""Exits 0 when an Atoll Census input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
grid = json.loads(sys.stdin.read().split("\n")[0])
assert isinstance(grid, list) and 1 <= len(grid) <= 300, "1 <= rows <= 300"
cols = len(grid[0])
assert 1 <= cols <= 300, "1 <= cols <= 300"
for row in grid:
    assert isinstance(row, list) and len(row) == cols, "rows of different lengths"
    assert all(v in (0, 1) and type(v) is int for v in row), "squares are 0 or 1"
