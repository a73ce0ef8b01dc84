"""Exits 0 when a Ledger Slices test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
entries, target = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(entries, list), "entries is not a list"
assert 1 <= len(entries) <= 3 * 10**4, "len(entries) out of range"
for e in entries:
    assert isinstance(e, int) and not isinstance(e, bool), "an entry is not an integer"
    assert -1000 <= e <= 1000, f"entry {e} out of range"
assert isinstance(target, int) and not isinstance(target, bool), "target is not an integer"
assert -10**9 <= target <= 10**9, "target out of range"
