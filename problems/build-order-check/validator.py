"""Exits 0 when a Build Order Check input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
modules = json.loads(lines[0])
needs = json.loads(lines[1])
assert type(modules) is int and 1 <= modules <= 2 * 10**4, "1 <= modules <= 2*10^4"
assert isinstance(needs, list) and len(needs) <= 2 * 10**4, "0 <= len(needs) <= 2*10^4"
for pair in needs:
    assert isinstance(pair, list) and len(pair) == 2, f"bad pair {pair}"
    assert all(type(m) is int and 0 <= m < modules for m in pair), f"module out of range in {pair}"
