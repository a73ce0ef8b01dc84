"""Exits 0 when a Stadium Gate Logs input respects the constraints (argument 1: mode; stdin: the
argument as one JSON line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 1, "expected one argument: logs"
logs = json.loads(lines[0])
assert isinstance(logs, list) and len(logs) <= 5000, "len(logs) out of range"
assert sum(len(log) for log in logs) <= 2 * 10**4, "too many entries"
for g, log in enumerate(logs):
    assert all(isinstance(x, int) and 0 <= x <= 10**6 for x in log), f"log {g} holds a bad entry"
    assert all(log[i] <= log[i + 1] for i in range(len(log) - 1)), f"log {g} is not sorted"
