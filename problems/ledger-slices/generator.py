"""Prints a Ledger Slices input with n entries: `python3 generator.py N [SEED]`.

One JSON value per line, in signature order: `entries`, then `target`. The seed picks a ledger:
random entries with a small target, entries in {-1, 0, 1} (prefix sums repeat very often, so
the answer is huge), or random entries with a target taken from an actual slice.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        entries = [rng.randint(-1000, 1000) for _ in range(n)]
        target = rng.randint(-50, 50)
    elif style == 1:
        entries = [rng.choice((-1, 0, 1)) for _ in range(n)]
        target = rng.randint(-3, 3)
    else:
        entries = [rng.randint(-20, 20) for _ in range(n)]
        i = rng.randrange(n)
        j = rng.randrange(i, n)
        target = sum(entries[i:j + 1])
    return [entries, target]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
