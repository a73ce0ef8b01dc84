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


solve = load("reference", "solutions/main.py").Solution().minFerryCapacity
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [4, 8, 2, 5, 6, 3], 3),
    case("heaviest-crate-decides", [7, 1, 1], 3),
    case("one-trip", [3, 3, 3], 1),
]

rng = random.Random(99)
hidden = [
    case("single-crate", [5], 1),
    case("single-heavy-crate", [10**6], 1),
    case("trip-per-crate", [2, 9, 4, 1], 4),
    case("heavy-first", [10, 1, 1], 3),
    case("heavy-last", [1, 1, 1, 1, 10], 2),
    case("equal-crates", [5] * 10, 3),
    case("exact-split", [1, 2, 3, 4, 5, 5], 2),
    case("all-ones", [1] * 100, 7),
    case("beyond-32-bits", [10**6] * 5000, 1),
    case("random-small", [rng.randint(1, 20) for _ in range(25)], 4),
    case("random-500", *generate(500, 1)),
    case("random-3000", *generate(3000, 2)),
    case("max-size-heavy", *generate(2 * 10**4, 3)),
    case("max-size-light", *generate(2 * 10**4, 4)),
    case("max-size-one-trip", [rng.randint(1, 10**6) for _ in range(2 * 10**4)], 1),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
