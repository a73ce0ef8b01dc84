"""Exits 0 when a Warmer Day Ahead test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
temps = json.loads(lines[0])
assert isinstance(temps, list), "temps is not a list"
assert 1 <= len(temps) <= 3 * 10**4, "len(temps) out of range"
for t in temps:
    assert isinstance(t, int) and not isinstance(t, bool), "a reading is not an integer"
    assert -50 <= t <= 50, f"reading {t} out of range"
