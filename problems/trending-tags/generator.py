"""Prints a Trending Tags input with n tags: `python3 generator.py N [SEED]`.

One JSON value per line, in signature order: `tags`, then `k`. Even seeds draw tags from a
small pool (high counts, many ties) and odd seeds from a huge one (thousands of distinct tags,
most used once or twice) with `k` around half of the distinct tags.
"""
import json
import random
import sys


def tag(rng, alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def generate(n, seed):
    rng = random.Random(seed)
    if seed % 2 == 0:
        pool = sorted({tag(rng, "abcdefghij", 1, 6) for _ in range(60)})
        tags = [rng.choice(pool) for _ in range(n)]
    else:
        tags = [tag(rng, "abcdefghijklmnopqrstuvwxyz", 2, 4) for _ in range(n)]
    distinct = len(set(tags))
    k = rng.randint(max(1, distinct // 3), max(1, 2 * distinct // 3))
    return [tags, k]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
