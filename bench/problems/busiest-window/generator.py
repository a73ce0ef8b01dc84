"""Prints a Busiest Window input with n hours: `python3 generator.py N [SEED]`.

One JSON value per line (the arguments `visits` and `k`). The seed picks a shape: random counts
with a window of about half the day count (the worst case for adding up every window), a quiet
season with one late rush (the busiest window is the last one), or a window of a single hour.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        visits = [rng.randint(0, 10**4) for _ in range(n)]
        k = max(1, n // 2)
    elif style == 1:
        visits = [rng.randint(0, 50) for _ in range(n)]
        k = max(1, min(n, rng.randint(n // 4, n // 2)))
        for i in range(n - k, n):
            visits[i] = rng.randint(9000, 10**4)
    else:
        visits = [rng.randint(0, 10**4) for _ in range(n)]
        k = 1
    return [visits, k]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
