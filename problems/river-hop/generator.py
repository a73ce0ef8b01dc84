"""Prints a River Hop input with n stones: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `stones`). The seed picks a river: random stones
with occasional slippery ones, a crossing that barely succeeds, or a "wall": every stone before
the second-last one lets the hiker hop exactly up to it, and it is slippery (a slow simulation
of every hop does quadratic work there).
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        stones = [0 if rng.random() < 0.3 else rng.randint(1, 4) for _ in range(n)]
    elif style == 1:
        stones = [1] * n
        for i in range(0, n - 1, 7):
            stones[i] = min(10**5, 7)
            for j in range(i + 1, min(n - 1, i + 7)):
                stones[j] = 0
    else:
        wall = max(0, n - 2)
        stones = [min(10**5, wall - i) for i in range(n)]
        if n >= 2:
            stones[wall] = 0
            stones[-1] = rng.randint(0, 10**5)
    return [stones]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
