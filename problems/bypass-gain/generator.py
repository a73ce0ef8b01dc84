"""Prints a Bypass Gain input with n stages: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `gains`). Most gains are +1 or -1; a few larger
gains are added while the product of the non-zero gains stays inside 32 bits, and the seed
decides whether there are no, one or several dead (zero) stages.
"""
import json
import random
import sys

LIMIT = 2**31 - 1


def generate(n, seed):
    rng = random.Random(seed)
    gains = [rng.choice((1, -1)) for _ in range(n)]
    product = 1
    for _ in range(60):
        g = rng.randint(2, 30) * rng.choice((1, -1))
        if abs(product * g) > LIMIT:
            continue
        product *= g
        gains[rng.randrange(n)] = g
    if abs(product) > LIMIT:  # a replaced big gain may leave the product unchanged or smaller
        raise AssertionError("product out of range")
    zeros = rng.choice((0, 0, 1, 2, 3))
    for _ in range(min(zeros, n)):
        gains[rng.randrange(n)] = 0
    return [gains]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
