"""Prints an Autocomplete Tally input with N titles and N logged strings:
`python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (titles, then typed). Titles grow from a few shared
stems so that many of them share long beginnings, and some titles repeat; logged strings are
prefixes of titles, whole titles, near misses, random strings and the empty string."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
alphabet = "abcdefghijklmnopqrstuvwxyz"[: rng.choice([3, 6, 26])]


def word(length):
    return "".join(rng.choice(alphabet) for _ in range(length))


stems = [word(rng.randint(1, 10)) for _ in range(max(1, n // 50))]
titles = []
for _ in range(n):
    if titles and rng.random() < 0.2:
        titles.append(rng.choice(titles))
        continue
    stem = rng.choice(stems)
    titles.append((stem + word(rng.randint(0, 14)))[:20] or word(1))
typed = []
for _ in range(n):
    roll = rng.random()
    title = rng.choice(titles)
    if roll < 0.45:
        typed.append(title[: rng.randint(0, len(title))])
    elif roll < 0.65:
        typed.append(title)
    elif roll < 0.8:
        typed.append((title[: rng.randint(0, len(title))] + word(1))[:20])
    elif roll < 0.97:
        typed.append(word(rng.randint(1, 6)))
    else:
        typed.append("")
print(json.dumps(titles))
print(json.dumps(typed))
