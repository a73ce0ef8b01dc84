"""Exits 0 when a Scramble Clubs test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
words = json.loads(lines[0])
assert isinstance(words, list), "words is not a list"
assert 1 <= len(words) <= 10**4, "len(words) out of range"
for w in words:
    assert isinstance(w, str), "a word is not a string"
    assert len(w) <= 12, f"word {w!r} too long"
    assert all("a" <= c <= "z" for c in w), f"word {w!r} has a character other than a-z"
