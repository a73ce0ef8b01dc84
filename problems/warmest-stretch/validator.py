"""Exits 0 when a Warmest Stretch input respects the constraints (argument 1: mode; stdin: the
arguments, one JSON value per line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 2, "expected two arguments: temps and k"
temps, k = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(temps, list) and 1 <= len(temps) <= 5 * 10**4, "len(temps) out of range"
assert all(isinstance(t, int) and -10**4 <= t <= 10**4 for t in temps), "a temperature is out of range"
assert isinstance(k, int) and 1 <= k <= len(temps), "k out of range"
