"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values are computed by the reference solution solutions/main.py, run here with the
same ListNode class the judge's Python harness provides. Max-size inputs come from
generator.py with fixed seeds, so the files are reproducible."""
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

HERE = Path(__file__).resolve().parent


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def to_list(values):
    dummy = ListNode()
    tail = dummy
    for v in values:
        tail.next = ListNode(v)
        tail = tail.next
    return dummy.next


def from_list(node):
    out = []
    while node is not None:
        out.append(node.val)
        node = node.next
    return out


namespace = {"List": List, "Optional": Optional, "ListNode": ListNode}
exec((HERE / "solutions" / "main.py").read_text(), namespace)
solution = namespace["Solution"]()


def case(name, head, k):
    expected = from_list(solution.flipConvoy(to_list(head), k))
    return {"name": name, "args": [head, k], "expected": expected}


def generated(n, seed):
    out = subprocess.run([sys.executable, str(HERE / "generator.py"), str(n), str(seed)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def write(path, tests):
    body = ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests)
    (HERE / "tests" / path).write_text("[\n" + body + "\n]\n")


rng = random.Random(2024)
public = [
    case("example", [4, 8, 15, 16, 23, 42, 7, 9], 3),
    case("pairs", [1, 2, 3, 4], 2),
    case("block-too-short", [5, 6], 3),
]
hidden = [
    case("empty-train", [], 1),
    case("empty-train-big-k", [], 20000),
    case("single-wagon", [7], 1),
    case("single-wagon-k2", [7], 2),
    case("k-one", [3, 1, 2], 1),
    case("k-equals-n", [1, 2, 3, 4, 5], 5),
    case("k-exceeds-n", [1, 2, 3, 4, 5], 6),
    case("exact-multiple", list(range(1, 13)), 4),
    case("leftover-one", list(range(1, 8)), 3),
    case("leftover-k-minus-one", list(range(1, 12)), 4),
    case("duplicates", [2, 2, 1, 1, 2, 2, 1], 2),
    case("extremes", [-10**9, 10**9, -10**9, 0, 10**9], 2),
    case("random-small", [rng.randint(-50, 50) for _ in range(23)], 5),
    case("random-medium", [rng.randint(-1000, 1000) for _ in range(997)], 10),
    case("long-leftover", [rng.randint(0, 99) for _ in range(1000)], 999),
]
for name, n, seed in [("gen-1", 40, 1), ("gen-2", 300, 2), ("max-a", 20000, 11), ("max-b", 20000, 14)]:
    head, k = generated(n, seed)
    hidden.append(case(name, head, k))
hidden.append(case("max-k-one", list(range(20000)), 1))
hidden.append(case("max-k-huge", list(range(20000, 0, -1)), 19999))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
