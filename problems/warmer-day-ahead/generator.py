"""Prints a Warmer Day Ahead input with n days: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `temps`). The seed picks a season: random
readings, a long slow cooling (readings that never rise, with long equal runs: the worst case
for scanning forward), or a cooling season that ends with a heat wave.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        temps = [rng.randint(-50, 50) for _ in range(n)]
    else:
        temps = sorted((rng.randint(-50, 49) for _ in range(n)), reverse=True)
        if style == 2:
            temps[-1] = 50
    return [temps]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
