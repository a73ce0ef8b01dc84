"""Exits 0 when a Trending Tags test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
tags, k = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(tags, list), "tags is not a list"
assert 1 <= len(tags) <= 2 * 10**4, "len(tags) out of range"
for t in tags:
    assert isinstance(t, str), "a tag is not a string"
    assert 1 <= len(t) <= 10, f"tag {t!r} has a bad length"
    assert all("a" <= c <= "z" for c in t), f"tag {t!r} has a character other than a-z"
assert isinstance(k, int) and not isinstance(k, bool), "k is not an integer"
assert 1 <= k <= len(set(tags)), "k out of range"
