"""Prints a Fewest Stamps input with postage N: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (denominations, then postage). Denominations are
either a few "awkward" values with no common structure, many random values, or multiples of a
common factor (so some amounts are impossible)."""
import json
import random
import sys

postage = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else postage)
kind = rng.choice(["few", "many", "common-factor"])
if kind == "few":
    top = max(2, rng.choice([12, 150, postage // 3 + 2]))
    denominations = [rng.randint(2, top) for _ in range(rng.randint(2, 5))]
elif kind == "many":
    denominations = [rng.randint(1, 10**5 if rng.random() < 0.2 else max(1, postage)) for _ in range(50)]
else:
    factor = rng.randint(2, 7)
    denominations = [factor * rng.randint(1, max(1, postage // (3 * factor) + 1)) for _ in range(rng.randint(2, 20))]
    if rng.random() < 0.5:
        postage -= postage % factor
print(json.dumps(denominations))
print(json.dumps(postage))
