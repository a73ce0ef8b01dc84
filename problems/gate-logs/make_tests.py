"""Builds tests/public.json and tests/hidden.json: each expected value is what the reference
solutions/main.py returns. Run from the package directory: python3 make_tests.py"""
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
    return reference.Solution().mergeLogs(*args)


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


rng = random.Random(66)


def random_logs(gates, entries, hi):
    logs = [[] for _ in range(gates)]
    for _ in range(entries):
        logs[rng.randrange(gates)].append(rng.randint(0, hi))
    return [sorted(log) for log in logs]


public = [
    ("example", [[[3, 8, 20], [1, 8], [], [5, 30]]]),
    ("no-gates", [[]]),
    ("three-gates", [[[1, 4], [2, 5], [3, 6]]]),
]
hidden = [
    ("one-empty-gate", [[[]]]),
    ("all-gates-empty", [[[], [], []]]),
    ("one-gate", [[[0, 0, 7, 10**6]]]),
    ("same-second-everywhere", [[[5, 5], [5], [5, 5, 5]]]),
    ("one-after-another", [[[7, 8, 9], [4, 5, 6], [1, 2, 3]]]),
    ("five-gates-odd-one-out", [[[10], [2, 20], [3], [1, 30], [0, 40, 50]]]),
    ("extremes", [[[10**6], [0], [0, 10**6]]]),
    ("single-entries", [[[9], [3], [6], [1], [8], [2], [7]]]),
]
for i in range(5):
    hidden.append((f"random-small-{i}", [random_logs(rng.randint(1, 9), rng.randint(0, 40), 50)]))
hidden += [
    ("medium-many-gates", [random_logs(501, 3000, 10**6)]),
    ("large-two-gates", [random_logs(2, 6000, 10**6)]),
    ("max-generated-a", generated(2 * 10**4, 1)),
    ("max-generated-b", generated(2 * 10**4, 2)),
    ("max-gates-one-entry-each", [[[rng.randint(0, 10**6)] for _ in range(4999)] + [sorted(rng.randint(0, 10**6) for _ in range(15001))]]),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], len(t["expected"])) for t in out])
