"""Builds tests/public.json and tests/hidden.json: each expected value is what the reference
solutions/main.py returns. Run from the package directory: python3 make_tests.py"""
import copy
import importlib.util
import json
import random
import subprocess
import sys

sys.dont_write_bytecode = True

spec = importlib.util.spec_from_file_location("reference", "solutions/main.py")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)


def solve(args):
    return reference.Solution().minSnapshots(*copy.deepcopy(args))


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


rng = random.Random(21)
public = [
    ("example", [[[1, 4], [2, 8], [6, 9], [10, 12], [3, 5]]]),
    ("touching-visits", [[[1, 3], [3, 7]]]),
    ("short-visits-inside-a-long-one", [[[1, 10], [2, 3], [5, 6]]]),
]
hidden = [
    ("one-bird", [[[7, 7]]]),
    ("instant-visits", [[[5, 5], [5, 5], [6, 6]]]),
    ("all-overlap", [[[0, 100], [50, 60], [55, 58], [10, 57]]]),
    ("disjoint-chain", [[[0, 1], [2, 3], [4, 5], [6, 7]]]),
    ("same-visit-repeated", [[[3, 9]] * 6]),
    ("nested-deep", [[[0, 1000], [100, 900], [200, 800], [300, 700], [400, 600], [450, 460], [599, 600]]]),
    ("late-long-early-short", [[[0, 2], [1, 100], [50, 51]]]),
    ("extreme-times", [[[0, 0], [10**6, 10**6], [0, 10**6]]]),
    ("unsorted-input", [[[8, 9], [1, 2], [5, 6], [2, 5], [6, 8]]]),
]
for i in range(5):
    n = rng.randint(1, 40)
    visits = []
    for _ in range(n):
        a = rng.randint(0, 60)
        visits.append([a, a + rng.randint(0, 15)])
    hidden.append((f"random-small-{i}", [visits]))
hidden += [
    ("large-nested", [[[i, 10**6 - i] for i in range(0, 4000 * 5, 5)]]),
    ("max-generated-a", generated(2 * 10**4, 1)),
    ("max-generated-b", generated(2 * 10**4, 2)),
    ("max-disjoint", [[[25 * i, 25 * i + 20] for i in range(2 * 10**4)]]),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["expected"]) for t in out])
