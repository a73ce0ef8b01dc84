"""Exits 0 when a River Hop test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
stones = json.loads(lines[0])
assert isinstance(stones, list), "stones is not a list"
assert 1 <= len(stones) <= 3 * 10**4, "len(stones) out of range"
for s in stones:
    assert isinstance(s, int) and not isinstance(s, bool), "a stone is not an integer"
    assert 0 <= s <= 10**5, f"stone {s} out of range"
