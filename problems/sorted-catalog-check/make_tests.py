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
    return {"name": name, "args": [root], "expected": solution.isSortedCatalog(to_tree(root))}


LOW, HIGH = -2**31, 2**31 - 1


def right_chain(values):
    out = [values[0]]
    for v in values[1:]:
        out += [None, v]
    return out


def zigzag(n, last_value=None):
    """A sorted zigzag path: each step goes right then left, narrowing the interval."""
    low, high = LOW, HIGH
    values, sides = [], []
    for i in range(n):
        v = (low + high) // 2
        values.append(v)
        if i % 2 == 0:
            low = v
            sides.append(1)
        else:
            high = v
            sides.append(0)
    if last_value is not None:
        values[-1] = last_value
    root = TreeNode(values[0])
    node = root
    for v, side in zip(values[1:], sides):
        child = TreeNode(v)
        if side == 1:
            node.right = child
        else:
            node.left = child
        node = child
    return from_tree(root)


public = [
    case("example", [50, 30, 70, 20, 40, 60, 80]),
    case("far-ancestor", [50, 30, 70, None, None, 45, 80]),
    case("repeated-code", [8, 8]),
]
hidden = [
    case("empty", []),
    case("single", [0]),
    case("single-min", [LOW]),
    case("single-max", [HIGH]),
    case("both-limits", [LOW, None, HIGH]),
    case("limits-below-root", [0, LOW, HIGH]),
    case("max-on-left", [HIGH, HIGH - 1]),
    case("repeat-right", [1, None, 1]),
    case("small-sorted", [2, 1, 3]),
    case("grandchild-too-small", [5, 4, 6, None, None, 3, 7]),
    case("grandchild-too-large", [10, 5, 15, 2, 12]),
    case("repeat-deep", [10, 5, 15, 2, 7, 12, 20, None, None, 6, 10]),
    case("negatives-sorted", [-10, -20, -5, -30, -15, -7, -1]),
    case("right-chain-sorted", right_chain(list(range(-250, 250)))),
    case("right-chain-last-equal", right_chain(list(range(0, 499)) + [498])),
    case("zigzag-sorted", zigzag(28)),
    case("zigzag-breaks-at-bottom", zigzag(28, last_value=HIGH)),
]
for name, n, seed in [("gen-small-1", 40, 4), ("gen-small-2", 200, 13), ("gen-far-bound", 3000, 16),
                      ("max-broom-sorted", 10000, 7), ("max-random-sorted", 10000, 15),
                      ("max-caterpillar-sorted", 10000, 10), ("max-broom-far-bound", 10000, 16)]:
    hidden.append(case(name, *generated(n, seed)))
write("public.json", public)
write("hidden.json", hidden)
print(len(public), "public,", len(hidden), "hidden")
