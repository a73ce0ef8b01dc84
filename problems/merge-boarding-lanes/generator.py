"""Prints a Merge Boarding Lanes input of N passengers per lane: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (first lane, then second lane)."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
span = rng.choice([50, 5000, 10**9])
for _ in range(2):
    print(json.dumps(sorted(rng.randint(-span, span) for _ in range(n))))
