"""Exits 0 when a Lighthouse Sync test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
periods = json.loads(lines[0])
assert isinstance(periods, list), "periods is not a list"
assert 1 <= len(periods) <= 10**4, "len(periods) out of range"
for p in periods:
    assert isinstance(p, int) and not isinstance(p, bool), "a period is not an integer"
    assert 1 <= p <= 10**6, f"period {p} out of range"
