"""Exits 0 when a Courtyard Sentries input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
n = json.loads(lines[0])
fountains = json.loads(lines[1])
assert type(n) is int and 1 <= n <= 12, "1 <= n <= 12"
assert isinstance(fountains, list) and len(fountains) <= n * n, "0 <= len(fountains) <= n^2"
for f in fountains:
    assert isinstance(f, list) and len(f) == 2, f"bad fountain {f}"
    assert all(type(x) is int and 0 <= x < n for x in f), f"fountain {f} outside the courtyard"
assert len({tuple(f) for f in fountains}) == len(fountains), "two fountains on one square"
