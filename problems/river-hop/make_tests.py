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


solve = load("reference", "solutions/main.py").Solution().canCross
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [2, 0, 3, 0, 0, 1]),
    case("stuck-before-big-stone", [1, 1, 0, 4, 1]),
    case("already-there", [0]),
]

rng = random.Random(21)
hidden = [
    case("one-big-stone", [10**5]),
    case("two-stones-slippery-start", [0, 5]),
    case("two-stones", [1, 0]),
    case("exact-hops", [1, 1, 1, 1, 0]),
    case("giant-first-hop", [10**5] + [0] * 50),
    case("gap-after-big-start", [3, 0, 0, 0, 2]),
    case("jump-over-slippery", [2, 0, 1, 0]),
    case("unreachable-helper", [1, 0, 3, 0]),
    case("last-stone-slippery", [4, 3, 2, 1, 0]),
    case("wall-small", [4, 3, 2, 1, 0, 9]),
    case("random-small-true", [rng.randint(1, 3) for _ in range(30)]),
    case("random-200", *generate(200, 0)),
    case("barely-2000", *generate(2000, 1)),
    case("max-size-wall", *generate(3 * 10**4, 2)),
    case("max-size-barely", *generate(3 * 10**4, 4)),
]
stones = generate(3 * 10**4, 5)[0]
stones[-1] = 7
stones[-2] = 1
hidden.append(case("max-size-wall-crossable", stones))

write("tests/public.json", public)
write("tests/hidden.json", hidden)
