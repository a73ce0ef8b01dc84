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


def case(name, cards, target):
    return {"name": name, "args": [cards, target], "expected": solution.exactBundles(list(cards), target)}


rng = random.Random(404)
# Enough copies of every value to build almost every way of writing 30 as a sum (100 cards).
rich = [v for v in range(1, 31) for _ in range({1: 22, 2: 13, 3: 9, 4: 7, 5: 6, 6: 5, 7: 4}.get(v, 2 if v <= 15 else 1))]
rich = rich[:100]
rng.shuffle(rich)
public = [
    case("example", [5, 1, 2, 2, 4, 3], 7),
    case("three-threes", [3, 3, 3], 6),
    case("impossible", [4, 6], 5),
]
hidden = [
    case("single-card-hit", [7], 7),
    case("single-card-miss", [7], 8),
    case("target-one", [1, 1, 1, 2], 1),
    case("all-cards-needed", [1, 2, 3, 4, 5], 15),
    case("one-short", [1, 2, 3, 4, 5], 16),
    case("cards-too-big", [31, 40, 50, 45], 30),
    case("ones-only", [1] * 40, 30),
    case("ones-only-not-enough", [1] * 29, 30),
    case("twos-odd-target", [2] * 50, 29),
    case("many-duplicates", [10, 1, 2, 7, 6, 1, 5, 1, 2, 7], 8),
    case("max-rich", rich, 30),
    case("max-distinct", [rng.randint(1, 50) for _ in range(100)], 30),
    case("max-small-values", [rng.randint(1, 6) for _ in range(100)], 30),
    case("one-through-thirty-twice", [v for v in range(1, 31) for _ in range(2)], 30),
]
for name, n, seed in [("gen-small", 12, 3), ("gen-medium", 40, 8), ("max-gen-a", 100, 5), ("max-gen-b", 100, 9)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
