"""Exits 0 when a Souvenir Stretch test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
stalls, kinds = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(stalls, str), "stalls is not a string"
assert 1 <= len(stalls) <= 10**5, "len(stalls) out of range"
assert all("a" <= c <= "z" for c in stalls), "stalls has a character other than a-z"
assert isinstance(kinds, int) and not isinstance(kinds, bool), "kinds is not an integer"
assert 0 <= kinds <= 26, "kinds out of range"
