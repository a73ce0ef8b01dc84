"""Prints a Build Order Check input with N modules and N declared needs:
`python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (modules, then needs). Modules get a hidden build
order; needs point backwards in it (so the graph has no cycle) and, for the chain shapes, follow
one long chain through all modules. Depending on the seed one defect may be added: a single
pair pointing forwards (a long cycle) or a module needing itself."""
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
shape = rng.choice(["random", "chain"])
defect = rng.choice(["none", "none", "cycle", "self"])
order = list(range(n))
rng.shuffle(order)
needs = []
if shape == "chain":
    needs += [[order[i], order[i - 1]] for i in range(1, n)]
while len(needs) < n and n >= 2:
    i, j = sorted(rng.sample(range(n), 2))
    needs.append([order[j], order[i]])
if defect == "cycle" and n >= 2:
    i, j = sorted(rng.sample(range(n), 2))
    needs[rng.randrange(len(needs))] = [order[i], order[j]]
elif defect == "self":
    m = rng.randrange(n)
    needs[rng.randrange(len(needs))] = [m, m]
rng.shuffle(needs)
print(json.dumps(n))
print(json.dumps(needs, separators=(",", ":")))
