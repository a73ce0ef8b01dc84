"""Prints a Beacon Pattern Interference input of size N (capped at 2*10^4): one JSON line, the
patterns: `python3 generator.py N [SEED]`. Each bit is lit with its own random probability, so
some positions are nearly always on or off and others split the beacons."""
import json
import random
import sys

n = max(1, min(2 * 10**4, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
chance = [rng.choice([0.0, 0.02, 0.3, 0.5, 0.5, 0.7, 0.98, 1.0]) for _ in range(30)]
patterns = [sum(1 << b for b in range(30) if rng.random() < chance[b]) for _ in range(n)]
print(json.dumps(patterns, separators=(",", ":")))
