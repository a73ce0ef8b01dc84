"""Prints a Skip the N-th Last Song input with N songs: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (the playlist, then n)."""
import json
import random
import sys

size = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else size)
span = rng.choice([9, 10**5, 10**9])
songs = [rng.randint(-span, span) for _ in range(size)]
n = rng.choice([1, size, rng.randint(1, size)])
print(json.dumps(songs))
print(json.dumps(n))
