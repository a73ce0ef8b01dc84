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


solve = load("reference", "solutions/main.py").Solution().longestStretch
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", "abaccc", 2),
    case("one-kind", "aaaa", 1),
    case("bag-bigger-than-street", "abcabc", 5),
]

rng = random.Random(8)
hidden = [
    case("no-compartments", "abc", 0),
    case("single-stall", "z", 1),
    case("single-stall-no-bag", "z", 0),
    case("all-different-one-kind", "abcdefg", 1),
    case("all-different-three-kinds", "abcdefg", 3),
    case("exactly-all-kinds", "abcdefghijklmnopqrstuvwxyz", 26),
    case("best-at-the-end", "abcdeffffffeeee", 2),
    case("restart-loses-prefix", "aabbbcbbb", 2),
    case("shrink-by-several", "ababababcccccc", 2),
    case("random-small", "".join(rng.choice("abc") for _ in range(40)), 2),
    case("random-1000", *generate(1000, 1)),
    case("random-5000", *generate(5000, 3)),
    case("max-size-four-kinds", *generate(10**5, 0)),
    case("max-size-many-kinds", *generate(10**5, 4)),
    case("max-size-rare-sixth", *generate(10**5, 5)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
