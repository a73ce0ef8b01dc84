"""Prints a Convoy Flip input with N wagons: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (the train, then k)."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
span = rng.choice([9, 10**5, 10**9])
values = [rng.randint(-span, span) for _ in range(n)]
if rng.random() < 0.6:
    k = rng.randint(1, 4)
else:
    k = rng.randint(1, max(1, n))
print(json.dumps(values))
print(json.dumps(k))
