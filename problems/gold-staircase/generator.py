"""Prints a Gold Block Staircase input: one JSON line, a block count with about N decimal digits
(N capped at 18; N >= 19 gives counts near 10^18): `python3 generator.py N [SEED]`. Half of the
seeds land exactly one block short of a complete staircase, where rounding errors show."""
import random
import sys

n = max(1, int(sys.argv[1]))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
rng = random.Random(seed)
if n >= 19:
    blocks = rng.randint(9 * 10**17, 10**18)
else:
    blocks = rng.randint(10 ** (n - 1) if n > 1 else 0, 10**n - 1)
if seed % 2 == 0:
    k = (int((8 * blocks + 1) ** 0.5) - 1) // 2 + 2
    while k * (k + 1) // 2 - 1 > min(blocks, 10**18):
        k -= 1
    blocks = max(0, k * (k + 1) // 2 - 1)
print(blocks)
