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


solve = load("reference", "solutions/main.py").Solution().bypassGains
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [2, -3, 1, 4]),
    case("one-dead-stage", [5, 0, 3]),
    case("two-dead-stages", [0, 7, 0]),
]

rng = random.Random(2024)
hidden = [
    case("single-stage", [7]),
    case("single-dead-stage", [0]),
    case("two-stages", [-4, 9]),
    case("all-ones", [1] * 10),
    case("all-minus-ones", [-1] * 9),
    case("dead-first", [0, 2, 3, 4]),
    case("dead-last", [2, 3, 4, 0]),
    case("three-dead", [0, 5, 0, -2, 0]),
    case("two-dead-with-negatives", [-3, 0, 2, -5, 0, 7]),
    case("extreme-product", [-2] * 31),
    case("max-magnitude-gains", [30, -30, 30, -30, 30, 30]),
    case("small-random", [rng.randint(-3, 3) for _ in range(12)]),
]
for i, n in enumerate((50, 300, 1000)):
    hidden.append(case(f"random-{n}", *generate(n, 100 + i)))
hidden.append(case("max-size-two-dead", *generate(2 * 10**4, 7)))
gains = generate(2 * 10**4, 11)[0]
gains = [g if g != 0 else 1 for g in gains]
gains[12345] = 0
hidden.append(case("max-size-one-dead", gains))
gains = generate(2 * 10**4, 13)[0]
gains = [g if g != 0 else 1 for g in gains]
hidden.append(case("max-size-no-dead", gains))

write("tests/public.json", public)
write("tests/hidden.json", hidden)
