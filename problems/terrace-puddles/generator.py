"""Prints a Terrace Puddles input with n terraces: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `heights`). The seed picks a shape: random
heights, a valley (falling then rising, lots of water), a single mountain (no water), or random
heights between two very tall end walls.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 4
    top = 10**6
    if style == 0:
        heights = [rng.randint(0, top) for _ in range(n)]
    elif style == 1:
        heights = sorted((rng.randint(0, top) for _ in range(n)), reverse=True)
        cut = rng.randrange(n)
        heights = heights[:cut] + sorted(heights[cut:])
    elif style == 2:
        heights = sorted(rng.randint(0, top) for _ in range(n))
        cut = rng.randrange(n)
        heights = heights[:cut] + sorted(heights[cut:], reverse=True)
    else:
        heights = [rng.randint(0, top // 10) for _ in range(n)]
        heights[0] = top
        heights[-1] = top - 1
    return [heights]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
