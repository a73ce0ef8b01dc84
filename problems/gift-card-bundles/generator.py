"""Prints a Gift Card Bundles input with N cards: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (cards, then target). Cards are drawn either from
small values (many repeats, many bundles) or from the whole range 1..50."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
top = rng.choice([5, 10, 20, 50])
cards = [rng.randint(1, top) for _ in range(n)]
target = rng.randint(max(1, min(30, top // 2)), 30)
print(json.dumps(cards))
print(json.dumps(target))
