"""Exits 0 when a Ferry Capacity test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
crates, trips = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(crates, list), "crates is not a list"
assert 1 <= len(crates) <= 2 * 10**4, "len(crates) out of range"
for w in crates:
    assert isinstance(w, int) and not isinstance(w, bool), "a weight is not an integer"
    assert 1 <= w <= 10**6, f"weight {w} out of range"
assert isinstance(trips, int) and not isinstance(trips, bool), "trips is not an integer"
assert 1 <= trips <= len(crates), "trips out of range"
