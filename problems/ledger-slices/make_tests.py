"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values come from the reference solution (solutions/main.py); the large cases come from
generator.py with fixed seeds, and every other random choice is seeded too.
"""
import copy
import importlib.util
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


solve = load("reference", "solutions/main.py").Solution().countSlices
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [3, -1, 2, 1, -3, 4], 4),
    case("all-zero", [0, 0, 0], 0),
    case("no-slice", [5, 5], 7),
]

rng = random.Random(4)
hidden = [
    case("single-hit", [7], 7),
    case("single-miss", [7], -7),
    case("whole-ledger", [1, 2, 3], 6),
    case("negative-target", [-1, -1, 2, -2], -2),
    case("prefix-only", [4, 1, -1], 4),
    case("cancelling", [1, -1, 1, -1, 1, -1], 0),
    case("huge-target", [1000] * 10, 10**9),
    case("huge-negative-target", [-1000] * 10, -10**9),
    case("extreme-entries", [1000, -1000, 1000, -1000], 1000),
    case("random-small", [rng.randint(-3, 3) for _ in range(40)], 2),
    case("random-1000", *generate(1000, 0)),
    case("tiny-steps-3000", *generate(3000, 1)),
    case("max-size-random", *generate(3 * 10**4, 3)),
    case("max-size-tiny-steps", *generate(3 * 10**4, 4)),
    case("max-size-real-slice", *generate(3 * 10**4, 5)),
    case("max-size-all-zero", [0] * (3 * 10**4), 0),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
