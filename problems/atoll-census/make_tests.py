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


def case(name, grid):
    return {"name": name, "args": [grid], "expected": solution.countIslands(grid)}


rng = random.Random(31)
ring = [[1] * 7] + [[1] + [0] * 5 + [1] for _ in range(5)] + [[1] * 7]
ring[3][3] = 1
public = [
    case("example", [[1, 1, 0, 0, 1], [0, 1, 0, 1, 1], [1, 0, 0, 0, 0], [0, 0, 1, 1, 1]]),
    case("only-water", [[0]]),
    case("diagonals-apart", [[1, 0, 1], [0, 1, 0], [1, 0, 1]]),
]
hidden = [
    case("one-land", [[1]]),
    case("one-row", [[1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1]]),
    case("one-column", [[1], [1], [0], [1], [0], [0], [1]]),
    case("all-land", [[1] * 9 for _ in range(6)]),
    case("all-water", [[0] * 9 for _ in range(6)]),
    case("ring-with-island-inside", ring),
    case("u-shape-joins", [[1, 0, 1], [1, 0, 1], [1, 1, 1]]),
    case("comb", [[1, 0, 1, 0, 1, 0, 1], [1, 0, 1, 0, 1, 0, 1], [1, 1, 1, 1, 1, 1, 1]]),
    case("random-small", [[rng.randint(0, 1) for _ in range(12)] for _ in range(10)]),
    case("max-one-row", [[1 if rng.random() < 0.6 else 0 for _ in range(300)]]),
    case("max-one-column", [[1 if rng.random() < 0.6 else 0] for _ in range(300)]),
]
for name, n, seed in [("gen-random", 40, 2), ("gen-serpentine", 60, 7), ("gen-blobs", 200, 11),
                      ("max-serpentine", 300, 3), ("max-checkerboard", 300, 4), ("max-random", 300, 1)]:
    hidden.append(case(name, *generated(n, seed)))
hidden.append(case("max-all-land", [[1] * 300 for _ in range(300)]))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
