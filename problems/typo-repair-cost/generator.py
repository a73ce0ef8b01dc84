"""Prints a Typo Repair Cost input with words of about N letters: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (typed, then intended). Either two unrelated random
words (over a small or the full alphabet) or an intended word and a typed copy with random
typos (insertions, deletions, replacements, swapped neighbours)."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
alphabet = "abcdefghijklmnopqrstuvwxyz"[: rng.choice([2, 4, 26])]


def word(length):
    return "".join(rng.choice(alphabet) for _ in range(length))


if rng.random() < 0.4:
    typed, intended = word(rng.randint(n * 3 // 4, n)), word(n)
else:
    intended = word(n)
    letters = list(intended)
    for _ in range(rng.randint(1, max(1, n // 5))):
        op = rng.choice(["insert", "delete", "replace", "swap"])
        k = rng.randrange(len(letters) + 1)
        if op == "insert" and len(letters) < 500:
            letters.insert(k, rng.choice(alphabet))
        elif op == "delete" and k < len(letters):
            del letters[k]
        elif op == "replace" and k < len(letters):
            letters[k] = rng.choice(alphabet)
        elif op == "swap" and k + 1 < len(letters):
            letters[k], letters[k + 1] = letters[k + 1], letters[k]
    typed = "".join(letters)
print(json.dumps(typed))
print(json.dumps(intended))
