"""Exits 0 when a Gift Card Bundles input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
cards = json.loads(lines[0])
target = json.loads(lines[1])
assert isinstance(cards, list) and 1 <= len(cards) <= 100, "1 <= len(cards) <= 100"
assert all(type(c) is int and 1 <= c <= 50 for c in cards), "1 <= cards[i] <= 50"
assert type(target) is int and 1 <= target <= 30, "1 <= target <= 30"
