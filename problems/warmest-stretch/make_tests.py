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
    return reference.Solution().warmestStretch(*args)


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


rng = random.Random(4)
public = [
    ("example", [[12, -5, 30, 41, 8, 25], 3]),
    ("whole-season", [[3, 4, 4], 3]),
    ("warmest-at-the-end", [[1, 2, 3, 4, 5], 2]),
]
hidden = [
    ("one-day", [[-7], 1]),
    ("single-day-windows", [[5, -3, 9, 9, 2], 1]),
    ("all-frozen", [[-10000] * 10, 4]),
    ("all-hot", [[10000] * 10, 10]),
    ("negatives-only", [[-5, -1, -8, -2, -3], 2]),
    ("zeros", [[0, 0, 0, 0], 2]),
    ("last-window-wins", [[-3, -2, -1, 0, 6], 3]),
    ("first-window-wins", [[9, 8, 1, 1, 1, 1], 2]),
    ("thirds", [[1, 0, 0, 1, 1, 0], 3]),
    ("extremes-alternating", [[10000, -10000] * 20 + [10000], 7]),
]
for i in range(4):
    n = rng.randint(1, 60)
    hidden.append((f"random-small-{i}", [[rng.randint(-100, 100) for _ in range(n)], rng.randint(1, n)]))
hidden += [
    ("large-ramp-last-window", [[i * 2 // 3 - 10000 for i in range(30000)], 12000]),
    ("max-generated-a", generated(5 * 10**4, 1)),
    ("max-generated-b", generated(5 * 10**4, 2)),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["expected"]) for t in out])
