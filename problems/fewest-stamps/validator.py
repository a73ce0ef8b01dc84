"""Exits 0 when a Fewest Stamps input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
denominations = json.loads(lines[0])
postage = json.loads(lines[1])
assert isinstance(denominations, list) and 1 <= len(denominations) <= 50, "1 <= len(denominations) <= 50"
assert all(type(d) is int and 1 <= d <= 10**5 for d in denominations), "1 <= denomination <= 10^5"
assert type(postage) is int and 0 <= postage <= 10**4, "0 <= postage <= 10^4"
