"""Prints a Topping Combos input with n toppings: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `toppings`): n distinct codes in random order,
drawn from the whole range (negative and positive) or, for odd seeds, from a narrow band so
that many neighbouring codes appear.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    pool = range(-1000, 1001) if seed % 2 == 0 else range(-8, 9)
    toppings = rng.sample(pool, n)
    return [toppings]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
