"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values come from the reference solution (solutions/main.py); the large cases come from
generator.py with fixed seeds, and every other random choice is seeded too.
"""
import copy
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


solve = load("reference", "solutions/main.py").Solution().allCombos
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [3, 1, 2]),
    case("no-toppings", []),
    case("negative-code", [5, -2]),
]

hidden = [
    case("one-topping", [42]),
    case("one-negative-topping", [-1000]),
    case("two-sorted", [1, 2]),
    case("extremes", [1000, -1000, 0]),
    case("descending-input", [9, 7, 5, 3]),
    case("all-negative", [-3, -30, -300, -1]),
    case("mixed-signs", [-1, 1, -2, 2, 0]),
    case("single-digit-vs-longer", [10, 2, 100]),
    case("random-6", *generate(6, 0)),
    case("random-7-narrow", *generate(7, 1)),
    case("random-8", *generate(8, 2)),
    case("random-9-narrow", *generate(9, 3)),
    case("random-10", *generate(10, 4)),
    case("max-size-wide", *generate(12, 6)),
    case("max-size-narrow", *generate(12, 7)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
