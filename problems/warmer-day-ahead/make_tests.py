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


solve = load("reference", "solutions/main.py").Solution().daysUntilWarmer
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [4, 2, 2, 5, 3, 3, 1, 7]),
    case("cooling", [9, 8, 7]),
    case("frosty-plateau", [-3, -3, -3, 0]),
]

rng = random.Random(12)
hidden = [
    case("one-day", [10]),
    case("two-days-warmer", [1, 2]),
    case("two-days-equal", [5, 5]),
    case("all-equal", [0] * 15),
    case("warming", list(range(-10, 10))),
    case("extremes", [-50, 50, -50, 50, 50, -50]),
    case("zigzag", [1, 3, 1, 3, 1, 3, 2]),
    case("late-heat", [5, 4, 3, 2, 1, 5, 4, 6]),
    case("equal-then-warmer", [7, 7, 7, 8, 7, 7]),
    case("random-small", [rng.randint(-5, 5) for _ in range(40)]),
    case("random-1000", *generate(1000, 0)),
    case("cooling-3000", *generate(3000, 1)),
    case("max-size-random", *generate(3 * 10**4, 3)),
    case("max-size-cooling", *generate(3 * 10**4, 4)),
    case("heat-wave-5000", *generate(5000, 5)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
