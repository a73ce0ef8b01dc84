"""Prints a Warmest Stretch input of size N (capped at 5*10^4), one JSON argument per line
(temps, then k): `python3 generator.py N [SEED]`. Temperatures follow a slow seasonal wave with
noise; k is between N/4 and N/2, the sizes that make re-adding every window slow."""
import json
import math
import random
import sys

n = max(1, min(5 * 10**4, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
phase = rng.random() * 2 * math.pi
temps = [max(-10**4, min(10**4, int(6000 * math.sin(phase + 2 * math.pi * i / n)) + rng.randint(-4000, 4000)))
         for i in range(n)]
k = rng.randint(max(1, n // 4), max(1, n // 2))
print(json.dumps(temps, separators=(",", ":")))
print(k)
