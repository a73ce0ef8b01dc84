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


def generated(n, seed):
    out = subprocess.run([sys.executable, str(HERE / "generator.py"), str(n), str(seed)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def write(path, tests):
    body = ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests)
    (HERE / "tests" / path).write_text("[\n" + body + "\n]\n")


def case(name, first, second):
    expected = from_list(solution.mergeLanes(to_list(first), to_list(second)))
    return {"name": name, "args": [first, second], "expected": expected}


rng = random.Random(77)


def lane(n, span):
    return sorted(rng.randint(-span, span) for _ in range(n))


public = [
    case("example", [-2, 3, 3, 9], [1, 3, 4]),
    case("first-empty", [], [5]),
    case("all-equal", [1, 1], [1]),
]
hidden = [
    case("both-empty", [], []),
    case("second-empty", [2, 4], []),
    case("single-each", [3], [-3]),
    case("first-all-smaller", [1, 2, 3], [4, 5, 6]),
    case("second-all-smaller", [4, 5, 6], [1, 2, 3]),
    case("interleaved", [1, 3, 5, 7], [2, 4, 6, 8]),
    case("long-tail-first", [0, 100, 200, 300, 400], [50]),
    case("long-tail-second", [50], [0, 100, 200, 300, 400]),
    case("duplicates-across", [2, 2, 2, 5], [2, 2, 5, 5]),
    case("extremes", [-10**9, -10**9, 10**9], [-10**9, 0, 10**9, 10**9]),
    case("negatives", [-9, -7, -7, -1], [-8, -2]),
    case("random-small", lane(12, 20), lane(9, 20)),
    case("random-uneven", lane(500, 10**9), lane(3, 10**9)),
    case("random-medium", lane(2000, 10**6), lane(1500, 10**6)),
]
for name, n, seed in [("gen-1", 30, 1), ("gen-2", 700, 5), ("max-a", 10000, 7), ("max-b", 10000, 8)]:
    first, second = generated(n, seed)
    hidden.append(case(name, first, second))
hidden.append(case("max-disjoint", list(range(-10000, 0)), list(range(0, 10000))))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
