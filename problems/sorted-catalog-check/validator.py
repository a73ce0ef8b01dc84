"""Exits 0 when a Sorted Catalog Check input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "function mode expected"
tree = json.loads(sys.stdin.read().split("\n")[0])
assert isinstance(tree, list), "the tree is a level-order list"
assert not tree or tree[0] is not None, "a non-empty tree starts with its root"
assert not tree or tree[-1] is not None, "trailing nulls are trimmed"
values = [v for v in tree if v is not None]
assert len(values) <= 10**4, "0 <= entries <= 10^4"
assert all(type(v) is int and -2**31 <= v <= 2**31 - 1 for v in values), "code out of range"
# Walk the level order: every present node owns the next two slots.
levels = [1] if tree else []
i = 1
node = 0
height = 1 if tree else 0
while i < len(tree):
    assert node < len(levels), "children listed for a missing node"
    for _ in range(2):
        if i < len(tree) and tree[i] is not None:
            levels.append(levels[node] + 1)
            height = max(height, levels[node] + 1)
        i += 1
    node += 1
assert len(levels) == len(values), "malformed level order"
assert height <= 500, f"{height} levels (at most 500)"
