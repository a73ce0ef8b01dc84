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


def case(name, typed, intended):
    return {"name": name, "args": [typed, intended], "expected": solution.repairCost(typed, intended)}


rng = random.Random(2718)
public = [
    case("example", "spelign", "spelling"),
    case("doubled-letter", "bizzare", "bizarre"),
    case("from-nothing", "", "abc"),
]
hidden = [
    case("identical", "same", "same"),
    case("both-empty", "", ""),
    case("to-nothing", "abcde", ""),
    case("one-letter-swap", "a", "b"),
    case("one-letter-same", "z", "z"),
    case("swapped-neighbours", "hte", "the"),
    case("missing-letter", "tomorow", "tomorrow"),
    case("kitchen-sitting", "kitchen", "sitting"),
    case("no-common-letters", "abcdef", "uvwxyz"),
    case("prefix", "auto", "autocorrect"),
    case("reversed", "stressed", "desserts"),
    case("max-all-different", "a" * 500, "b" * 500),
    case("max-vs-empty", "q" * 500, ""),
    case("max-shifted", "x" + "ab" * 249 + "a", "ab" * 250),
]
for name, n, seed in [("gen-small", 12, 1), ("gen-medium", 120, 2), ("gen-typos", 300, 3),
                      ("max-gen-a", 500, 4), ("max-gen-b", 500, 5), ("max-gen-c", 500, 6)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
