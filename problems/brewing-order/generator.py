"""Prints a Brewing Day Schedule input with N steps (capped at 10^4) and up to 2N rules (capped
at 2*10^4): `python3 generator.py N [SEED]`. The rules follow a hidden random order: a long
chain through it plus random forward rules and a few repeats, so the schedule is deep. When
SEED is a multiple of 3, one rule closes a long loop and the answer is IMPOSSIBLE."""
import random
import sys

n = max(1, min(10**4, int(sys.argv[1])))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
rng = random.Random(seed)
m = min(2 * n, 2 * 10**4)
hidden = list(range(1, n + 1))
rng.shuffle(hidden)
rules = [(hidden[k], hidden[k + 1]) for k in range(n - 1)]
while len(rules) < m - (seed % 3 == 0):
    if rules and rng.random() < 0.05:
        rules.append(rng.choice(rules))
        continue
    i, j = sorted(rng.sample(range(n), 2)) if n > 1 else (0, 0)
    if i == j:
        break
    rules.append((hidden[i], hidden[j]))
if seed % 3 == 0 and n > 1:
    i, j = sorted(rng.sample(range(n), 2))
    rules.append((hidden[j], hidden[i]))
rules = rules[:m]
rng.shuffle(rules)
print(n, len(rules))
print("\n".join(f"{a} {b}" for a, b in rules))
