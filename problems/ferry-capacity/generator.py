"""Prints a Ferry Capacity input with n crates: `python3 generator.py N [SEED]`.

One JSON value per line, in signature order: `crates`, then `trips`. The seed picks heavy or
light crates and few or many trips (one trip makes the answer the total weight, far above the
heaviest crate).
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    top = 10**6 if seed % 2 else 1000
    crates = [rng.randint(1, top) for _ in range(n)]
    trips = rng.choice((1, 2, rng.randint(1, n), rng.randint(1, max(1, n // 100))))
    return [crates, trips]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
