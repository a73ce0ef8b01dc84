"""Prints a Courtyard Sentries input for an N x N courtyard: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (n, then fountains). The number of fountains is
random: none, a few, or a sizeable part of the courtyard."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
count = rng.choice([0, rng.randint(1, n), rng.randint(0, n * n // 3)])
squares = rng.sample([[r, c] for r in range(n) for c in range(n)], count)
print(json.dumps(n))
print(json.dumps(squares))
