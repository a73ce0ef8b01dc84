"""Prints a Museum Guard Shifts input with N shifts: `python3 generator.py N [SEED]`.
Shifts are short compared with the night, so the answer has many separate periods (the case
that makes a period-by-period scan quadratic); some shifts touch or repeat."""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
limit = 10**9
span = max(2, limit // (2 * n))
shifts = []
while len(shifts) < n:
    kind = rng.random()
    if kind < 0.1 and shifts:
        s, e = rng.choice(shifts)  # a repeated shift
    elif kind < 0.2 and shifts:
        s = rng.choice(shifts)[1]  # starts when another ends
        if s >= limit:
            continue
        e = min(limit, s + rng.randint(1, span))
    else:
        s = rng.randint(0, limit - 1)
        e = min(limit, s + rng.randint(1, span))
    shifts.append((s, e))
print(n)
print("\n".join(f"{s} {e}" for s, e in shifts))
