"""Prints a Two Weights for the Scale input of size N (capped at 2*10^4), one JSON argument per
line (weights, then target): `python3 generator.py N [SEED]`. Even seeds plant exactly one
balancing pair among the last 50 positions; odd seeds use only even weights with an odd target, so no pair
exists and every pair must be ruled out."""
import json
import random
import sys

n = max(1, min(2 * 10**4, int(sys.argv[1])))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
rng = random.Random(seed)
if seed % 2:
    weights = [2 * rng.randint(-5 * 10**8, 5 * 10**8) for _ in range(n)]
    target = 2 * rng.randint(-10**9 // 2, 10**9 // 2) + 1
else:
    # Other weights are 1 mod 4 and the target 0 mod 4: no two of them, and no one of them with a
    # planted weight, can balance. Only the planted pair (both 0 mod 4) does.
    weights = [4 * rng.randint(-2 * 10**8, 2 * 10**8) + 1 for _ in range(n)]
    target = 4 * rng.randint(-10**8, 10**8)
    if n >= 2:
        i, j = rng.sample(range(max(0, n - 50), n), 2)
        weights[i] = 4 * rng.randint(-10**8, 10**8)
        weights[j] = target - weights[i]
print(json.dumps(weights, separators=(",", ":")))
print(json.dumps(target))
