"""Builds tests/public.json and tests/hidden.json: the expected outputs come from the reference
solution solutions/main.py. Run from the package directory: python3 make_tests.py"""
import json
import random
import subprocess
import sys

PY = sys.executable


def shifts_input(shifts):
    return f"{len(shifts)}\n" + "".join(f"{s} {e}\n" for s, e in shifts)


def solve(text):
    return subprocess.run([PY, "solutions/main.py"], input=text.encode(), capture_output=True,
                          check=True).stdout.decode()


def generated(n, seed):
    return subprocess.run([PY, "generator.py", str(n), str(seed)], capture_output=True,
                          check=True).stdout.decode()


rng = random.Random(77)


def random_shifts(n, hi, longest):
    out = []
    for _ in range(n):
        s = rng.randint(0, hi - 1)
        out.append((s, min(hi, s + rng.randint(1, longest))))
    return out


public = [
    ("example", shifts_input([(1, 4), (2, 6), (8, 10), (10, 12), (15, 16)])),
    ("unsorted-nested", shifts_input([(20, 30), (0, 100), (40, 50)])),
    ("disjoint", shifts_input([(5, 6), (0, 1), (2, 4)])),
]
hidden = [
    ("one-shift", shifts_input([(0, 1)])),
    ("whole-night", shifts_input([(0, 10**9)])),
    ("same-shift-twice", shifts_input([(3, 9), (3, 9)])),
    ("touching-chain", shifts_input([(4, 6), (0, 2), (2, 4), (6, 8)])),
    ("touch-then-gap", shifts_input([(0, 5), (5, 7), (8, 9)])),
    ("same-start-different-ends", shifts_input([(1, 3), (1, 10), (1, 2)])),
    ("late-shift-extends-early", shifts_input([(0, 3), (1, 2), (2, 8)])),
    ("contained-after-long", shifts_input([(0, 50), (10, 20), (49, 50), (50, 51)])),
    ("extremes", shifts_input([(0, 1), (999999999, 1000000000), (1, 999999999)])),
]
for i in range(5):
    n = rng.randint(2, 12)
    hidden.append((f"random-small-{i}", shifts_input(random_shifts(n, 40, rng.randint(1, 10)))))
hidden.append(("random-medium", shifts_input(random_shifts(300, 10**6, 5000))))
hidden += [
    ("large-long-shifts", shifts_input(random_shifts(4000, 10**9, 10**8))),
    ("max-generated-a", generated(20000, 1)),
    ("near-max-generated-b", generated(15000, 2)),
    ("max-disjoint-sorted", shifts_input([(3 * i, 3 * i + 2) for i in range(20000)])),
]


def dump(tests, path):
    out = [{"name": name, "input": text, "output": solve(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["output"].strip()) for t in out])
