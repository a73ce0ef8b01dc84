"""Exits 0 when a Terrace Puddles test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
heights = json.loads(lines[0])
assert isinstance(heights, list), "heights is not a list"
assert 1 <= len(heights) <= 2 * 10**4, "len(heights) out of range"
for h in heights:
    assert isinstance(h, int) and not isinstance(h, bool), "a height is not an integer"
    assert 0 <= h <= 10**9, f"height {h} out of range"
