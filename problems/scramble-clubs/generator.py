"""Prints a Scramble Clubs input with n words: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `words`). Odd seeds draw every word at random
(nearly every club is a single word); even seeds shuffle the letters of a few hundred base
words (big clubs), with some repeated words and some words that have the same letters in
different amounts.
"""
import json
import random
import sys

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word(rng, low, high, alphabet=LETTERS):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def generate(n, seed):
    rng = random.Random(seed)
    if seed % 2:
        return [[word(rng, 3, 8) for _ in range(n)]]
    bases = [word(rng, 2, 7, "abcdefgh") for _ in range(max(1, n // 40))]
    words = []
    for _ in range(n):
        letters = list(rng.choice(bases))
        if rng.random() < 0.05:
            letters.append(rng.choice(letters))  # same kinds of letters, another amount
        rng.shuffle(letters)
        words.append("".join(letters))
    return [words]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
