"""Exits 0 when a Beacon Pattern Interference input respects the constraints (argument 1: mode;
stdin: the argument as one JSON line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 1, "expected one argument: patterns"
patterns = json.loads(lines[0])
assert isinstance(patterns, list) and 1 <= len(patterns) <= 2 * 10**4, "len(patterns) out of range"
assert all(isinstance(p, int) and 0 <= p < 2**30 for p in patterns), "a pattern is out of range"
