"""Exits 0 when a Gold Block Staircase input respects the constraints (argument 1: mode; stdin:
the argument as one JSON line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 1, "expected one argument: blocks"
blocks = json.loads(lines[0])
assert isinstance(blocks, int) and not isinstance(blocks, bool), "blocks must be an integer"
assert 0 <= blocks <= 10**18, "blocks out of range"
