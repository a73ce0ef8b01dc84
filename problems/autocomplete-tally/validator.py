"""Exits 0 when an Autocomplete Tally input respects the constraints (argv[1] is the mode)."""
import json
import re
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
titles = json.loads(lines[0])
typed = json.loads(lines[1])
letters = re.compile(r"[a-z]*")
assert isinstance(titles, list) and 1 <= len(titles) <= 10**4, "1 <= len(titles) <= 10^4"
assert isinstance(typed, list) and 1 <= len(typed) <= 10**4, "1 <= len(typed) <= 10^4"
for t in titles:
    assert isinstance(t, str) and 1 <= len(t) <= 20 and letters.fullmatch(t), f"bad title {t!r}"
for t in typed:
    assert isinstance(t, str) and len(t) <= 20 and letters.fullmatch(t), f"bad typed string {t!r}"
