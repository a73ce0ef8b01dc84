"""Builds tests/public.json and tests/hidden.json: each expected value is what the reference
solutions/main.py returns (checker.py accepts any valid pair). Run from the package directory:
python3 make_tests.py"""
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
    return reference.Solution().balancingPair(*args)


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


rng = random.Random(8)
public = [
    ("example", [[4, 9, -2, 7, 11, 2], 9]),
    ("one-three-only", [[3, 5], 6]),
    ("two-threes", [[3, 5, 3], 6]),
]
hidden = [
    ("single-weight", [[7], 7]),
    ("single-weight-half", [[4], 8]),
    ("two-zeros", [[0, 0], 0]),
    ("one-zero", [[0, 1], 0]),
    ("half-target-then-partner", [[5, 1, 9, 5], 10]),
    ("negatives", [[-4, -10, 3, -6], -16]),
    ("balloons-and-brass", [[-7, 12, 30, -1], 5]),
    ("largest-sum", [[10**9, 1, 10**9], 2 * 10**9]),
    ("smallest-sum", [[-10**9, 5, -10**9], -2 * 10**9]),
    ("no-pair", [[1, 2, 4, 8, 16], 7 + 16]),
    ("many-duplicates", [[2] * 50 + [7], 9]),
    ("pair-at-the-ends", [[13] + [100] * 30 + [-3], 10]),
]
for i in range(4):
    n = rng.randint(2, 40)
    weights = [rng.randint(-50, 50) for _ in range(n)]
    target = rng.randint(-100, 100) if i % 2 else weights[rng.randrange(n)] + weights[rng.randrange(n)]
    hidden.append((f"random-small-{i}", [weights, target]))
hidden += [
    ("max-generated-pair", generated(2 * 10**4, 2)),
    ("max-generated-no-pair", generated(2 * 10**4, 1)),
    ("near-max-generated-pair", generated(18000, 4)),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["expected"]) for t in out])
