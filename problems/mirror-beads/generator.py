"""Prints a Mirror Beads input of length n: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `strand`). The seed picks a style: random beads
over a small or full alphabet, a long symmetric piece planted in random beads, or a strand of
one repeated colour (the worst case for growing from every centre).
"""
import json
import random
import string
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 4
    if style == 0:
        strand = "".join(rng.choice(string.ascii_lowercase) for _ in range(n))
    elif style == 1:
        strand = "".join(rng.choice("ab") for _ in range(n))
    elif style == 2:
        beads = [rng.choice(string.ascii_lowercase) for _ in range(n)]
        size = n // 3
        half = [rng.choice("xyz") for _ in range(size // 2)]
        piece = half + ([rng.choice("xyz")] if size % 2 else []) + half[::-1]
        start = rng.randrange(n - len(piece) + 1) if n else 0
        beads[start:start + len(piece)] = piece
        strand = "".join(beads)
    else:
        strand = rng.choice(string.ascii_lowercase) * n
    return [strand]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg))


if __name__ == "__main__":
    main()
