"""Exits 0 when a Snapshots at the Feeder input respects the constraints (argument 1: mode;
stdin: the argument as one JSON line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 1, "expected one argument: visits"
visits = json.loads(lines[0])
assert isinstance(visits, list) and 1 <= len(visits) <= 2 * 10**4, "len(visits) out of range"
for i, v in enumerate(visits):
    assert isinstance(v, list) and len(v) == 2, f"visit {i} is not a pair"
    assert all(isinstance(x, int) for x in v), f"visit {i} holds a non-integer"
    assert 0 <= v[0] <= v[1] <= 10**6, f"visit {i} is not 0 <= arrive <= leave <= 10^6"
