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


solve = load("reference", "solutions/main.py").Solution().puddleVolume
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [3, 0, 1, 4, 2, 0, 3, 1]),
    case("single-hill", [1, 2, 3, 2, 1]),
    case("one-basin", [5, 1, 1, 5]),
]

rng = random.Random(31)
hidden = [
    case("one-terrace", [7]),
    case("two-terraces", [4, 9]),
    case("all-zero", [0, 0, 0, 0]),
    case("flat", [6] * 12),
    case("rising", list(range(0, 50, 2))),
    case("falling", list(range(50, 0, -3))),
    case("v-shape", [9, 7, 5, 3, 1, 3, 5, 7, 9]),
    case("w-shape", [6, 0, 6, 0, 6]),
    case("uneven-walls", [2, 0, 0, 0, 9]),
    case("nested-basins", [8, 1, 5, 1, 8, 0, 2, 0, 4]),
    case("plateau-walls", [4, 4, 1, 0, 1, 4, 4]),
    case("beyond-32-bits", [10**9, 0, 0, 0, 10**9]),
    case("huge-basin", [10**9] + [0] * 200 + [10**9 - 1]),
    case("random-small", [rng.randint(0, 10) for _ in range(40)]),
    case("random-1000", *generate(1000, 0)),
    case("valley-5000", *generate(5000, 1)),
    case("max-size-random", *generate(2 * 10**4, 4)),
    case("max-size-mountain", *generate(2 * 10**4, 6)),
    case("max-size-tall-ends", *generate(2 * 10**4, 7)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
