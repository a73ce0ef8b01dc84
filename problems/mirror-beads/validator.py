"""Exits 0 when a Mirror Beads test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
strand = json.loads(lines[0])
assert isinstance(strand, str), "strand is not a string"
assert len(strand) <= 5000, "strand too long"
assert all("a" <= c <= "z" for c in strand), "strand has a character other than a-z"
