"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values come from the reference solution (solutions/main.py) and are cross-checked
against Python's exact big-integer LCM; the large cases come from generator.py with fixed
seeds, and every other random choice is seeded too.
"""
import copy
import importlib.util
import json
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


solve = load("reference", "solutions/main.py").Solution().syncTime
generate = load("generator", "generator.py").generate


def case(name, *args):
    expected = solve(*copy.deepcopy(args))
    assert expected == math.lcm(*args[0]) % 1_000_000_007, name
    return {"name": name, "args": list(args), "expected": expected}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", [4, 6, 10]),
    case("repeated-period", [7, 7, 1]),
    case("three-big-primes", [999983, 999979, 999961]),
]

rng = random.Random(17)
hidden = [
    case("one-lighthouse", [1]),
    case("one-big-period", [10**6]),
    case("all-ones", [1] * 5),
    case("divisors-of-each-other", [2, 4, 8, 16, 1024]),
    case("coprime-small", [3, 4, 5, 7]),
    case("powers-of-two-and-three", [2**19, 3**12, 6]),
    case("just-below-modulus", [999983, 1000]),
    case("beyond-modulus", [999983, 999979, 2]),
    case("shared-big-prime", [999983 * 1, 999983, 2 * 499979, 499979]),
    case("highly-composite", [720720, 831600, 942480, 982800]),
    case("random-small", [rng.randint(1, 60) for _ in range(25)]),
    case("random-100", *generate(100, 0)),
    case("small-primes-2000", *generate(2000, 2)),
    case("max-size-random", *generate(10**4, 3)),
    case("max-size-hard-to-factor", *generate(10**4, 4)),
    case("max-size-small-primes", *generate(10**4, 5)),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
