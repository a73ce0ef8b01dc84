"""Prints a Souvenir Stretch input with n stalls: `python3 generator.py N [SEED]`.

One JSON value per line, in signature order: `stalls`, then `kinds`. The seed picks the
alphabet size and `kinds` so that some inputs have stretches that are very long (a slow
brute force walks all of them) and others have short ones.
"""
import json
import random
import string
import sys


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        alphabet, kinds = string.ascii_lowercase[:4], 4
    elif style == 1:
        alphabet = string.ascii_lowercase
        kinds = rng.randint(1, 26)
    else:
        alphabet, kinds = string.ascii_lowercase[:6], 5
    if style == 2:
        # long runs over five kinds, with a sixth kind appearing only rarely
        stalls = "".join(
            rng.choice(alphabet[:5]) if rng.random() > 0.0002 else alphabet[5] for _ in range(n)
        )
    else:
        stalls = "".join(rng.choice(alphabet) for _ in range(n))
    return [stalls, kinds]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg))


if __name__ == "__main__":
    main()
