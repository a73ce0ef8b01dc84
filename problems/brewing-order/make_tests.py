"""Builds tests/public.json and tests/hidden.json: each output is the one valid order (or
IMPOSSIBLE) that solutions/main.py prints; checker.py accepts any valid order.
Run from the package directory: python3 make_tests.py"""
import json
import random
import subprocess
import sys

PY = sys.executable


def rules_input(n, rules):
    return f"{n} {len(rules)}\n" + "".join(f"{a} {b}\n" for a, b in rules)


def solve(text):
    return subprocess.run([PY, "solutions/main.py"], input=text.encode(), capture_output=True,
                          check=True).stdout.decode()


def generated(n, seed):
    return subprocess.run([PY, "generator.py", str(n), str(seed)], capture_output=True,
                          check=True).stdout.decode()


rng = random.Random(12)


def random_dag(n, m, cycle=False):
    order = list(range(1, n + 1))
    rng.shuffle(order)
    rules = []
    for _ in range(m):
        i, j = sorted(rng.sample(range(n), 2))
        rules.append((order[i], order[j]))
    if cycle:
        i, j = sorted(rng.sample(range(n), 2))
        rules += [(order[k], order[k + 1]) for k in range(i, j)] + [(order[j], order[i])]
    rng.shuffle(rules)
    return rules


public = [
    ("example", rules_input(5, [(1, 3), (2, 3), (3, 5), (4, 5)])),
    ("three-in-a-circle", rules_input(3, [(1, 2), (2, 3), (3, 1)])),
    ("backwards-chain", rules_input(4, [(4, 3), (3, 2), (2, 1)])),
]
hidden = [
    ("one-step", rules_input(1, [])),
    ("no-rules", rules_input(6, [])),
    ("step-before-itself", rules_input(3, [(1, 2), (2, 2)])),
    ("two-way-rule", rules_input(2, [(1, 2), (2, 1)])),
    ("repeated-rule", rules_input(3, [(3, 1), (3, 1), (3, 1), (1, 2)])),
    ("diamond", rules_input(4, [(4, 2), (4, 3), (2, 1), (3, 1)])),
    ("cycle-after-free-part", rules_input(6, [(1, 2), (2, 3), (4, 5), (5, 6), (6, 4)])),
    ("everything-before-one", rules_input(7, [(k, 1) for k in range(2, 8)])),
]
for i in range(4):
    n = rng.randint(5, 30)
    hidden.append((f"random-small-{i}", rules_input(n, random_dag(n, rng.randint(0, 3 * n), cycle=(i == 3)))))
hidden += [
    ("large-reverse-chain", rules_input(10**4, [(k + 1, k) for k in range(1, 10**4)])),
    ("max-generated-a", generated(10**4, 1)),
    ("max-generated-b", generated(10**4, 2)),
    ("max-generated-cycle", generated(10**4, 3)),
]


def dump(tests, path):
    out = [{"name": name, "input": text, "output": solve(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["output"][:30].strip()) for t in out])
