"""Exits 0 when a Skip the N-th Last Song input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
lines = sys.stdin.read().split("\n")
songs = json.loads(lines[0])
n = json.loads(lines[1])
assert isinstance(songs, list) and 1 <= len(songs) <= 2 * 10**4, "1 <= songs <= 2*10^4"
assert all(type(v) is int and -10**9 <= v <= 10**9 for v in songs), "song id out of range"
assert type(n) is int and 1 <= n <= len(songs), "1 <= n <= number of songs"
