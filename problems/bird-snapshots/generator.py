"""Prints a Snapshots at the Feeder input of size N (capped at 2*10^4): one JSON line, the
visits: `python3 generator.py N [SEED]`. Most visits are short, so many snapshots are needed;
a few long visits and exact repeats are mixed in."""
import json
import random
import sys

n = max(1, min(2 * 10**4, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
limit = 10**6
short = max(1, limit // (3 * n))
visits = []
for _ in range(n):
    kind = rng.random()
    if kind < 0.05 and visits:
        visits.append(list(rng.choice(visits)))
        continue
    arrive = rng.randint(0, limit)
    length = rng.randint(0, 5000) if kind < 0.1 else rng.randint(0, short)
    visits.append([arrive, min(limit, arrive + length)])
print(json.dumps(visits, separators=(",", ":")))
