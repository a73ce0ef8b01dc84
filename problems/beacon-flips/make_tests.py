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
    return reference.Solution().totalInterference(*args)


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


rng = random.Random(30)
TOP = 2**30 - 1
public = [
    ("example", [[5, 3, 6]]),
    ("one-beacon", [[123]]),
    ("identical-pair", [[7, 7]]),
]
hidden = [
    ("zero-and-all-ones", [[0, TOP]]),
    ("all-zero", [[0] * 10]),
    ("top-bit-only", [[1 << 29, 0, 1 << 29]]),
    ("powers-of-two", [[1 << b for b in range(30)]]),
    ("pair-of-ones", [[1, 1, 0, 0]]),
    ("duplicates-mixed", [[9, 9, 9, 6, 6]]),
]
for i in range(5):
    n = rng.randint(2, 50)
    hidden.append((f"random-small-{i}", [[rng.randrange(2**30) for _ in range(n)]]))
hidden += [
    ("medium-random", [[rng.randrange(2**30) for _ in range(2000)]]),
    ("large-split-overflows-32-bits", [[0] * 10000 + [TOP] * 10000]),
    ("max-generated-a", generated(2 * 10**4, 1)),
    ("max-generated-b", generated(2 * 10**4, 2)),
    ("max-uniform-random", [[rng.randrange(2**30) for _ in range(2 * 10**4)]]),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["expected"]) for t in out])
