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


solve = load("reference", "solutions/main.py").Solution().trendingTags
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", ["sunset", "cat", "sea", "cat", "sunset", "dog", "sea", "cat"], 3),
    case("all-tie", ["b", "a", "c"], 2),
    case("one-winner", ["zoo", "zoo", "ant"], 1),
]

rng = random.Random(3)
hidden = [
    case("single-tag", ["solo"], 1),
    case("same-tag-repeated", ["x"] * 9, 1),
    case("every-distinct-tag", ["kiwi", "fig", "apple", "date"], 4),
    case("tie-late-alphabetical-first", ["zz", "zz", "aa", "mm", "aa", "mm"], 2),
    case("prefix-tags", ["ab", "a", "abc", "a", "ab", "abc"], 3),
    case("counts-beat-alphabet", ["zebra", "zebra", "zebra", "apple", "apple", "mango"], 3),
    case("long-tags", ["abcdefghij", "abcdefghii", "abcdefghij", "abcdefghii", "a"], 2),
    case("k-is-every-tag", ["red", "blue", "red", "green", "blue", "red", "teal"], 4),
    case("random-small", [rng.choice(["sky", "sea", "sand", "sun", "surf"]) for _ in range(30)], 3),
    case("random-ties-400", *generate(400, 0)),
    case("random-spread-1000", *generate(1000, 1)),
    case("random-ties-5000", *generate(5000, 2)),
    case("max-size-spread", *generate(2 * 10**4, 3)),
    case("max-size-ties", *generate(2 * 10**4, 4)),
]
tags = generate(2 * 10**4, 7)[0]
hidden.append(case("max-size-all-but-one", tags, len(set(tags)) - 1))

write("tests/public.json", public)
write("tests/hidden.json", hidden)
