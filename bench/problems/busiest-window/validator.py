"""Exits 0 when a Busiest Window test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
visits = json.loads(lines[0])
k = json.loads(lines[1])
assert isinstance(visits, list), "visits is not a list"
assert 1 <= len(visits) <= 3 * 10**4, "len(visits) out of range"
for v in visits:
    assert isinstance(v, int) and not isinstance(v, bool), "a count is not an integer"
    assert 0 <= v <= 10**4, f"count {v} out of range"
assert isinstance(k, int) and not isinstance(k, bool), "k is not an integer"
assert 1 <= k <= len(visits), "k out of range"
