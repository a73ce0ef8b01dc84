"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values come from the reference solution (solutions/main.py), whose clubs come out in
order of first appearance with each club sorted (the checker accepts any order of clubs); the
large cases come from generator.py with fixed seeds, and every other random choice is seeded.
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


solve = load("reference", "solutions/main.py").Solution().groupScrambles
generate = load("generator", "generator.py").generate


def case(name, *args):
    return {"name": name, "args": list(args), "expected": solve(*copy.deepcopy(args))}


def write(path, tests):
    with open(os.path.join(HERE, path), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests) + "\n]\n")


public = [
    case("example", ["pool", "notes", "loop", "stone", "lop", "polo", "tones"]),
    case("repeated-word", ["abc", "abc", "cab"]),
    case("empty-tag", [""]),
]

rng = random.Random(5)
hidden = [
    case("one-word", ["zebra"]),
    case("one-letter-words", ["a", "b", "a", "c", "b", "a"]),
    case("empty-and-letters", ["", "a", "", "aa"]),
    case("all-distinct-clubs", ["ab", "cd", "ef", "gh"]),
    case("all-one-club", ["listen", "silent", "enlist", "tinsel", "inlets"]),
    case("same-letters-other-counts", ["aab", "abb", "ab", "bab", "aba", "ba"]),
    case("long-words", ["abcdefghijkl", "lkjihgfedcba", "abcdefghijkk", "kkjihgfedcba"]),
    case("same-word-many-times", ["moon"] * 7 + ["mono"]),
    case("random-small", [rng.choice(["ab", "ba", "abb", "bba", "bab", "b", "a"]) for _ in range(20)]),
    case("growing-words", ["abc", "bca", "abcd", "cab", "dcba", "ab", "ba", "cdab"]),
    case("random-300-clubs", *generate(300, 2)),
    case("random-300-words", *generate(300, 3)),
    case("max-size-big-clubs", *generate(10**4, 6)),
    case("max-size-distinct", *generate(10**4, 7)),
    case("mixed-4000", generate(2000, 10)[0] + generate(2000, 11)[0]),
]

write("tests/public.json", public)
write("tests/hidden.json", hidden)
