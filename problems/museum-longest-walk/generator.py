"""Prints a Museum Longest Walk input with N rooms: `python3 generator.py N [SEED]`.

Function mode: one JSON argument per line (the tree in level order, null for a missing child).
Shapes: a random tree, a "broom" (a long corridor ending in a bushy wing, as deep as allowed)
and a caterpillar (a long spine with short side branches)."""
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


n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
shape = rng.choice(["random", "broom", "caterpillar"])
left, right = build(n, shape, rng)
values = [rng.randint(-10**5, 10**5) for _ in range(n)]
print(json.dumps(serialize(left, right, values)))
