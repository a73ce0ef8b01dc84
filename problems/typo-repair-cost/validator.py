"""Exits 0 when a Typo Repair Cost input respects the constraints (argv[1] is the mode)."""
import json
import re
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
for name, line in zip(["typed", "intended"], lines[:2]):
    word = json.loads(line)
    assert isinstance(word, str) and len(word) <= 500, f"{name}: length at most 500"
    assert re.fullmatch(r"[a-z]*", word), f"{name}: lowercase letters only"
