"""Exits 0 when a Merge Boarding Lanes input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
for name, line in zip(["first", "second"], lines[:2]):
    lane = json.loads(line)
    assert isinstance(lane, list) and len(lane) <= 10**4, f"{name}: 0 <= length <= 10^4"
    assert all(type(v) is int and -10**9 <= v <= 10**9 for v in lane), f"{name}: priority out of range"
    assert all(a <= b for a, b in zip(lane, lane[1:])), f"{name}: not sorted"
