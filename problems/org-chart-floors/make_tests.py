"""Builds tests/public.json and tests/hidden.json: `python3.11 make_tests.py`.

Expected values are computed by the reference solution solutions/main.py, run here with the
same TreeNode class the judge's Python harness provides (level order, None for a missing
child). Large inputs come from generator.py with fixed seeds, so the files are reproducible."""
import json
import random
import subprocess
import sys
from collections import deque
from pathlib import Path
from typing import List, Optional

HERE = Path(__file__).resolve().parent


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def to_tree(values):
    if not values:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root


def from_tree(root):
    out = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            out.append(None)
            continue
        out.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


namespace = {"List": List, "Optional": Optional, "TreeNode": TreeNode}
exec((HERE / "solutions" / "main.py").read_text(), namespace)
solution = namespace["Solution"]()


def generated(n, seed):
    out = subprocess.run([sys.executable, str(HERE / "generator.py"), str(n), str(seed)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def write(path, tests):
    body = ",\n".join(json.dumps(t, separators=(",", ":")) for t in tests)
    (HERE / "tests" / path).write_text("[\n" + body + "\n]\n")


def case(name, root):
    return {"name": name, "args": [root], "expected": solution.floorsOf(to_tree(root))}


def chain(n, side):
    """A chain of n people going always left (0), always right (1) or zigzagging (2)."""
    out = [1]
    for i in range(2, n + 1):
        go_left = side == 0 or (side == 2 and i % 2 == 0)
        out += [i, None] if go_left else [None, i]
    while out[-1] is None:
        out.pop()
    return out


rng = random.Random(99)
public = [
    case("example", [3, 9, 20, None, None, 15, 7]),
    case("cousins", [1, 2, 3, 4, None, None, 5]),
    case("empty", []),
]
hidden = [
    case("founder-only", [42]),
    case("left-only", [1, 2]),
    case("right-only", [1, None, 2]),
    case("full-three-floors", [1, 2, 3, 4, 5, 6, 7]),
    case("gaps", [1, 2, 3, None, 4, 5, None, 6, None, None, 7]),
    case("duplicates", [5, 5, 5, 5, None, 5, 5]),
    case("negatives", [-1, -2, -3, -100000, 100000, None, 0]),
    case("chain-left", chain(500, 0)),
    case("chain-zigzag", chain(500, 2)),
    case("full-ten-floors", [rng.randint(-99, 99) for _ in range(1023)]),
]
for name, n, seed in [("gen-random", 50, 1), ("gen-caterpillar", 1500, 5), ("gen-broom", 5000, 7),
                      ("max-broom", 10000, 9), ("max-random", 10000, 2),
                      ("max-caterpillar", 10000, 10)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
