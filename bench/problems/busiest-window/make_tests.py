"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values come from the reference solution (solutions/main.py); the large cases come from
generator.py with fixed seeds, and every other random choice is seeded too. Exactly 10 public
tests: the latency benchmark's target is stated for a problem with 10 public tests.
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


solve = load("reference", "solutions/main.py").Solution().busiestWindow
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


rng = random.Random(7)
public = [
    case("example", [3, 1, 4, 1, 5, 9, 2, 6], 3),
    case("one-hour", [7], 1),
    case("whole-day", [2, 2, 2, 2], 4),
    case("closed-museum", [0, 0, 0, 0, 0], 2),
    case("busy-start", [9, 8, 1, 1, 1, 1], 2),
    case("single-hour-window", [4, 10, 3, 10, 2], 1),
    case("week-of-hours", [rng.randint(0, 60) for _ in range(24 * 7)], 8),
    case("rush-at-close", [1] * 30 + [500, 600, 700], 3),
    case("random-100", [rng.randint(0, 10**4) for _ in range(100)], 10),
    case("random-300", [rng.randint(0, 10**4) for _ in range(300)], 37),
]

hidden = [
    case("two-hours-first", [5, 1], 1),
    case("two-hours-both", [5, 1], 2),
    case("max-values", [10**4] * 50, 25),
    case("ties", [3, 0, 3, 0, 3, 0], 2),
    case("peak-in-middle", [0, 0, 9, 9, 9, 0, 0], 3),
    case("k-equals-n", [rng.randint(0, 100) for _ in range(40)], 40),
    case("zeros-then-one", [0] * 20 + [1], 5),
    case("descending", list(range(100, 0, -1)), 7),
    case("ascending", list(range(1, 101)), 7),
    case("random-small", [rng.randint(0, 9) for _ in range(60)], 6),
    case("random-1000", *generate(1000, 0)),
    case("late-rush-5000", *generate(5000, 1)),
    case("k-one-20000", *generate(20000, 2)),
    case("max-size-half-window", *generate(3 * 10**4, 3)),
    case("max-size-late-rush", *generate(3 * 10**4, 4)),
    case("max-size-k-one", *generate(3 * 10**4, 5)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
print(f"{len(public)} public, {len(hidden)} hidden tests")
