"""Prints a Sorted Catalog Check input with N entries: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (the tree in level order, null for a missing child).
The shape is random, a "broom" (a long handle ending in a bushy part, as deep as allowed) or a
caterpillar (a long spine with short side branches). Codes are assigned in order, so the tree
starts sorted; then, depending on the seed, it stays sorted or gets one defect: two codes
swapped, a leaf that breaks the bound of a distant ancestor, or a repeated code."""
import json
import random
import sys
from collections import deque

MAX_LEVELS = 500


def build(n, shape, rng):
    """Returns (left, right) child index lists of an n-node tree rooted at 0 (-1: no child)."""
    kids = ([-1] * n, [-1] * n)
    level = [1] * n
    below = [0] * n  # levels below the spine (caterpillar legs are short)
    free = []  # (node, side) slots where a child may still go

    def add_slots(node):
        if level[node] >= MAX_LEVELS or (shape == "caterpillar" and below[node] >= 5):
            return
        free.extend((node, side) for side in (0, 1) if kids[side][node] == -1)

    if n == 0:
        return kids
    spine = {"random": 1, "broom": min(n, MAX_LEVELS - 20), "caterpillar": min(n, MAX_LEVELS)}[shape]
    for child in range(1, spine):
        kids[rng.randint(0, 1)][child - 1] = child
        level[child] = level[child - 1] + 1
    for node in ([spine - 1] if shape == "broom" else range(spine)):
        add_slots(node)
    for child in range(spine, n):
        i = rng.randrange(len(free))
        free[i], free[-1] = free[-1], free[i]
        parent, side = free.pop()
        kids[side][parent] = child
        level[child] = level[parent] + 1
        below[child] = below[parent] + 1
        add_slots(child)
    return kids


def serialize(left, right, values):
    if not values:
        return []
    out = []
    queue = deque([0])
    while queue:
        node = queue.popleft()
        if node == -1:
            out.append(None)
            continue
        out.append(values[node])
        queue.append(left[node])
        queue.append(right[node])
    while out and out[-1] is None:
        out.pop()
    return out


def inorder(kids, n):
    order, stack, node = [], [], 0 if n else -1
    while stack or node != -1:
        while node != -1:
            stack.append(node)
            node = kids[0][node]
        node = stack.pop()
        order.append(node)
        node = kids[1][node]
    return order


def bounds_of_leaves(kids, values, n):
    """(leaf, side, low, high) for every leaf: side 0/1 = left/right child of its parent."""
    out = []
    stack = [(0, None, None, None)] if n else []
    while stack:
        node, side, low, high = stack.pop()
        left, right = kids[0][node], kids[1][node]
        if left == -1 and right == -1 and side is not None:
            out.append((node, side, low, high))
        if left != -1:
            stack.append((left, 0, low, values[node]))
        if right != -1:
            stack.append((right, 1, values[node], high))
    return out


LOW, HIGH = -2**31, 2**31 - 1
n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
shape = rng.choice(["random", "broom", "caterpillar"])
defect = rng.choice(["none", "none", "swap", "far-bound", "repeat"])
kids = build(n, shape, rng)
span = rng.choice([n, 10**6, HIGH])
codes = sorted(rng.sample(range(max(LOW, -span - n), min(HIGH, span + n) + 1), n))
values = [0] * n
for node, code in zip(inorder(kids, n), codes):
    values[node] = code
if n >= 2 and defect == "swap":
    a, b = rng.sample(range(n), 2)
    values[a], values[b] = values[b], values[a]
elif n >= 2 and defect == "repeat":
    a, b = rng.sample(range(n), 2)
    values[a] = values[b]
elif n >= 2 and defect == "far-bound":
    choices = [(leaf, side, low, high) for leaf, side, low, high in bounds_of_leaves(kids, values, n)
               if (side == 1 and high is not None) or (side == 0 and low is not None)]
    if choices:
        leaf, side, low, high = rng.choice(choices)
        values[leaf] = min(HIGH, high + rng.randint(0, 1)) if side == 1 else max(LOW, low - rng.randint(0, 1))
print(json.dumps(serialize(kids[0], kids[1], values)))
