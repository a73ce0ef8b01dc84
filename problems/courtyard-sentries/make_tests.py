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


def case(name, n, fountains):
    return {"name": name, "args": [n, fountains], "expected": solution.countLayouts(n, fountains)}


rng = random.Random(8)
public = [
    case("example", 4, []),
    case("one-fountain", 4, [[0, 1]]),
    case("tiny", 1, []),
]
hidden = [
    case("two-impossible", 2, []),
    case("three-impossible", 3, []),
    case("one-covered", 1, [[0, 0]]),
    case("five", 5, []),
    case("six", 6, []),
    case("eight", 8, []),
    case("eight-center-fountains", 8, [[3, 3], [3, 4], [4, 3], [4, 4]]),
    case("eight-first-row-mostly-blocked", 8, [[0, c] for c in range(8) if c != 5]),
    case("ten-diagonal-fountains", 10, [[i, i] for i in range(10)]),
    case("eleven", 11, []),
    case("all-fountains", 6, [[r, c] for r in range(6) for c in range(6)]),
    case("twelve-corners", 12, [[0, 0], [0, 11], [11, 0], [11, 11]]),
    case("max-empty", 12, []),
    case("max-anti-diagonal", 12, [[i, 11 - i] for i in range(12)]),
    case("max-one-free-per-row", 12, [[r, c] for r in range(12) for c in range(12) if c != (2 * r + 1) % 12 and c != (3 * r) % 12]),
]
for name, n, seed in [("gen-7", 7, 1), ("gen-9", 9, 2), ("gen-10", 10, 3), ("max-gen-a", 12, 7), ("max-gen-b", 12, 13)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
