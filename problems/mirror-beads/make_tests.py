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


solve = load("reference", "solutions/main.py").Solution().longestMirror
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", "cabbad"),
    case("odd-centre", "racecars"),
    case("no-pairs", "xyz"),
]

rng = random.Random(77)
hidden = [
    case("empty", ""),
    case("one-bead", "q"),
    case("two-equal", "zz"),
    case("two-different", "zy"),
    case("whole-strand-even", "abccba"),
    case("whole-strand-odd", "abcdcba"),
    case("at-the-end", "xyzabba"),
    case("at-the-start", "noonxyz"),
    case("nested-even-beats-odd", "abaxyyxq"),
    case("alternating", "ab" * 40),
    case("random-small", "".join(rng.choice("abc") for _ in range(30))),
]
for i, (n, seed) in enumerate(((200, 0), (700, 1), (1500, 2))):
    hidden.append(case(f"random-{n}", *generate(n, seed)))
hidden.append(case("max-size-random", *generate(5000, 4)))
hidden.append(case("max-size-two-colours", *generate(5000, 5)))
hidden.append(case("max-size-planted", *generate(5000, 6)))
hidden.append(case("max-size-one-colour", *generate(5000, 7)))

write("tests/public.json", public)
write("tests/hidden.json", hidden)
