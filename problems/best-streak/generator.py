"""Prints a Best Streak input with n days: `python3 generator.py N [SEED]`."""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
print(n)
print(" ".join(str(rng.randint(-10**9, 10**9)) for _ in range(n)))
