"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values are computed by the reference solution solutions/main.py, run here with the
same function signature the judge uses. Max-size inputs come from
generator.py with fixed seeds, so the files are reproducible."""
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

HERE = Path(__file__).resolve().parent

namespace = {"List": List, "Optional": Optional}
exec((HERE / "solutions" / "main.py").read_text(), namespace)
solution = namespace["Solution"]()


def generated(n, seed):
    out = subprocess.run([sys.executable, str(HERE / "generator.py"), str(n), str(seed)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def write(path, tests):
    body = ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests)
    (HERE / "tests" / path).write_text("[\n" + body + "\n]\n")


def case(name, titles, typed):
    return {"name": name, "args": [titles, typed], "expected": solution.tallyMatches(titles, typed)}


public = [
    case("example", ["dune", "dunes", "dust", "emma", "dune"], ["du", "dune", "e", "dusk", ""]),
    case("single-letter-titles", ["a", "b", "a"], ["a", "b", "c", "ab"]),
    case("longer-than-title", ["cat"], ["cats", "ca", "cat"]),
]
hidden = [
    case("one-title-empty-query", ["z"], [""]),
    case("all-same", ["aaa"] * 7, ["", "a", "aa", "aaa", "aaaa"]),
    case("nested-titles", ["a", "ab", "abc", "abcd", "abcde"], ["a", "ab", "abc", "abcd", "abcde", "abcdef", "b"]),
    case("no-matches", ["hello", "world"], ["x", "hellp", "worlds", "wa"]),
    case("twenty-letters", ["abcdefghijklmnopqrst", "abcdefghijklmnopqrsz"],
         ["abcdefghijklmnopqrs", "abcdefghijklmnopqrst", "abcdefghijklmnopqrsz", "abcdefghijklmnopqrsy"]),
    case("repeated-queries", ["map", "maple", "mapping", "map"], ["map", "map", "ma", "ma"]),
    case("z-edge", ["zzz", "zza", "azz"], ["z", "zz", "zzz", "zza", "a", "az"]),
    case("shared-tail-not-prefix", ["reader", "leader", "header"], ["eader", "r", "l", "h", "header"]),
]
for name, n, seed in [("gen-tiny", 8, 1), ("gen-small", 60, 2), ("gen-medium", 800, 3), ("gen-large", 3000, 4),
                      ("gen-3-letters", 2000, 9), ("max-a", 10000, 5), ("max-b", 10000, 6)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
