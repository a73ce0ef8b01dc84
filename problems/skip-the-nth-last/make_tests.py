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


def case(name, head, n):
    expected = from_list(solution.dropNthLast(to_list(head), n))
    return {"name": name, "args": [head, n], "expected": expected}


rng = random.Random(5150)
public = [
    case("example", [10, 20, 30, 40, 50], 2),
    case("remove-first", [7, 8, 9], 3),
    case("remove-last-duplicates", [5, 5, 5], 1),
]
hidden = [
    case("single-song", [42], 1),
    case("two-songs-first", [1, 2], 2),
    case("two-songs-last", [1, 2], 1),
    case("middle-odd", [1, 2, 3, 4, 5, 6, 7], 4),
    case("second-song", [3, 1, 4, 1, 5], 4),
    case("second-last", [3, 1, 4, 1, 5], 2),
    case("duplicates-middle", [2, 2, 3, 2, 2], 3),
    case("extremes", [-10**9, 10**9, 0, -10**9], 3),
    case("negatives", [-1, -2, -3, -4], 4),
    case("random-small", [rng.randint(-20, 20) for _ in range(15)], 6),
    case("random-medium", [rng.randint(-10**9, 10**9) for _ in range(1000)], 999),
    case("random-medium-2", [rng.randint(-10**9, 10**9) for _ in range(1234)], 617),
]
for name, size, seed in [("gen-1", 25, 1), ("gen-2", 400, 5), ("max-a", 20000, 7), ("max-b", 20000, 9)]:
    head, n = generated(size, seed)
    hidden.append(case(name, head, n))
hidden.append(case("max-remove-first", [rng.randint(0, 999) for _ in range(20000)], 20000))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
