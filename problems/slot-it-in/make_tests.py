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


solve = load("reference", "solutions/main.py").Solution().insertWindow
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [[1, 3], [6, 9], [12, 14], [20, 25]], [9, 12]),
    case("adjacent-stays-apart", [[1, 2], [5, 6]], [3, 4]),
    case("empty-calendar", [], [7, 7]),
]

hidden = [
    case("before-everything", [[5, 8], [10, 12]], [0, 2]),
    case("after-everything", [[5, 8], [10, 12]], [20, 30]),
    case("touch-last-end", [[5, 8], [10, 12]], [12, 15]),
    case("touch-first-start", [[5, 8], [10, 12]], [1, 5]),
    case("inside-one-window", [[0, 100]], [40, 60]),
    case("covers-everything", [[3, 4], [6, 7], [9, 10]], [0, 10**9]),
    case("single-day-gap", [[1, 4], [6, 9]], [5, 5]),
    case("single-day-shared", [[1, 4], [6, 9]], [4, 4]),
    case("same-as-existing", [[2, 3], [7, 8]], [7, 8]),
    case("big-days", [[0, 10**9 - 10], ], [10**9 - 9, 10**9]),
    case("spans-a-run", [[1, 1], [3, 3], [5, 5], [7, 7], [9, 9]], [2, 8]),
    case("random-300-small", *generate(300, 0)),
    case("random-1000-wide", *generate(1000, 1)),
    case("random-600-first", *generate(600, 2)),
    case("max-size-last", *generate(5000, 3)),
    case("max-size-random", *generate(5000, 4)),
    case("max-size-few", *generate(5000, 5)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
