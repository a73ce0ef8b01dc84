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


def case(name, denominations, postage):
    return {"name": name, "args": [denominations, postage],
            "expected": solution.fewestStamps(list(denominations), postage)}


rng = random.Random(1840)
public = [
    case("example", [1, 7, 10], 14),
    case("all-even", [4, 6], 9),
    case("nothing-to-pay", [3], 0),
]
hidden = [
    case("one-stamp-exact", [5], 5),
    case("single-denomination-miss", [5], 12),
    case("ones-only-max", [1], 10000),
    case("greedy-trap", [1, 3, 4], 6),
    case("greedy-dead-end", [5, 3], 9),
    case("two-coprime-large", [97, 89], 9999),
    case("repeated-values", [2, 2, 5, 5], 11),
    case("all-too-big", [100000, 20000], 10000),
    case("big-and-small", [100000, 1], 9999),
    case("one-and-two-deep", [1, 2], 41),
    case("fifty-denominations", [rng.randint(30, 300) for _ in range(50)], 10000),
    case("max-one-two-five", [1, 2, 5], 10000),
]
for name, n, seed in [("gen-small", 60, 1), ("gen-medium", 1500, 2), ("gen-factor", 7000, 3),
                      ("max-gen-a", 10000, 8), ("max-gen-b", 10000, 7), ("max-gen-c", 10000, 6), ("max-gen-d", 10000, 3)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
