"""Builds tests/public.json and tests/hidden.json: each expected value is what the reference
solutions/main.py returns. Run from the package directory: python3 make_tests.py"""
import importlib.util
import json
import subprocess
import sys

sys.dont_write_bytecode = True

spec = importlib.util.spec_from_file_location("reference", "solutions/main.py")
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)


def solve(args):
    return reference.Solution().fullSteps(*args)


def generated(n, seed):
    lines = subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                           check=True).stdout.decode().splitlines()
    return [json.loads(line) for line in lines]


def tri(k):
    return k * (k + 1) // 2


public = [("example", [8]), ("exact-staircase", [10]), ("no-blocks", [0])]
hidden = [
    ("one-block", [1]),
    ("two-blocks", [2]),
    ("three-blocks", [3]),
    ("one-short-of-three", [5]),
    ("thousand", [1000]),
    ("million-exact", [tri(1413)]),
    ("just-below-2-pow-31-steps", [tri(65535) - 1]),
    ("exact-billion-steps", [tri(10**9)]),
    ("one-short-of-billion-steps", [tri(10**9) - 1]),
    ("one-short-of-large-staircase", [tri(1234567890) - 1]),
    ("one-short-of-2-pow-30-steps", [tri(2**30) - 1]),
    ("exact-largest-staircase", [tri(1414213561)]),
    ("one-short-of-largest-staircase", [tri(1414213561) - 1]),
    ("ten-to-the-18", [10**18]),
    ("generated-9-digits", generated(9, 3)),
    ("generated-15-digits", generated(15, 5)),
    ("generated-near-max-short", generated(19, 2)),
    ("generated-near-max", generated(19, 1)),
    ("generated-18-digits-short", generated(18, 4)),
]


def dump(tests, path):
    out = [{"name": name, "args": args, "expected": solve(args)} for name, args in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["args"][0], t["expected"]) for t in out])
