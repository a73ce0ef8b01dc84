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


def case(name, modules, needs):
    return {"name": name, "args": [modules, needs], "expected": solution.canBuildAll(modules, needs)}


public = [
    case("example", 4, [[1, 0], [2, 0], [3, 1], [3, 2]]),
    case("circle", 3, [[0, 1], [1, 2], [2, 0]]),
    case("needs-itself", 2, [[1, 1]]),
]
hidden = [
    case("one-module", 1, []),
    case("no-needs", 5, []),
    case("one-module-self", 1, [[0, 0]]),
    case("pair", 2, [[0, 1]]),
    case("two-cycle", 2, [[0, 1], [1, 0]]),
    case("repeated-pair", 3, [[2, 1], [2, 1], [1, 0], [1, 0]]),
    case("diamond-twice", 6, [[1, 0], [2, 0], [3, 1], [3, 2], [5, 4], [4, 3], [5, 3]]),
    case("cycle-off-to-the-side", 7, [[1, 0], [2, 1], [4, 3], [5, 4], [3, 5], [6, 2]]),
    case("cycle-reached-later", 6, [[5, 0], [0, 1], [1, 2], [2, 3], [3, 4], [4, 1]]),
    case("forest", 8, [[1, 0], [2, 0], [4, 3], [6, 5], [7, 6], [7, 5]]),
    case("max-modules-no-needs", 20000, []),
    case("long-chain-closed", 8000, [[i, i + 1] for i in range(7999)] + [[7999, 0]]),
]
for name, n, seed in [("gen-tiny", 6, 2), ("gen-small", 50, 4), ("gen-medium", 2000, 9),
                      ("gen-self", 3000, 10), ("max-chain", 20000, 7), ("max-random", 20000, 1),
                      ("max-chain-cycle", 20000, 5)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
