"""Exits 0 when a Convoy Flip input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
head = json.loads(lines[0])
k = json.loads(lines[1])
assert isinstance(head, list) and len(head) <= 2 * 10**4, "0 <= wagons <= 2*10^4"
assert all(type(v) is int and -10**9 <= v <= 10**9 for v in head), "wagon number out of range"
assert type(k) is int and 1 <= k <= 2 * 10**4, "1 <= k <= 2*10^4"
