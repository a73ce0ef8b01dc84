"""Builds tests/public.json and tests/hidden.json: the expected outputs come from the reference
solution solutions/main.py. Run from the package directory: python3 make_tests.py"""
import json
import random
import subprocess
import sys

PY = sys.executable


def grid_input(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "".join(r + "\n" for r in rows)


def solve(text):
    return subprocess.run([PY, "solutions/main.py"], input=text.encode(), capture_output=True,
                          check=True).stdout.decode()


def generated(n, seed):
    return subprocess.run([PY, "generator.py", str(n), str(seed)], capture_output=True,
                          check=True).stdout.decode()


def random_grid(rng, rows, cols, density, keep_ends=True):
    g = [["#" if rng.random() < density else "." for _ in range(cols)] for _ in range(rows)]
    if keep_ends:
        g[0][0] = "."
        g[-1][-1] = "."
    return ["".join(r) for r in g]


rng = random.Random(2024)
public = [
    ("example", grid_input(["....", ".#..", "...."])),
    ("hive-on-north-edge", grid_input([".#.", "..."])),
    ("single-plot", grid_input(["."])),
]
hidden = [
    ("start-has-hive", grid_input(["#..", "...", "..."])),
    ("barn-has-hive", grid_input(["...", "...", "..#"])),
    ("single-hive-plot", grid_input(["#"])),
    ("one-row-free", grid_input(["." * 9])),
    ("one-row-blocked", grid_input(["....#...."])),
    ("one-column-free", grid_input(["."] * 7)),
    ("one-column-blocked", grid_input([".", ".", "#", "."])),
    ("hive-on-west-edge", grid_input(["...", "#..", "...", "..."])),
    ("wall-across", grid_input(["....", "....", "####", "...."])),
    ("diagonal-wall", grid_input(["...#", "..#.", ".#..", "#..."])),
    ("open-10x10", grid_input(["." * 10] * 10)),
]
for i in range(6):
    rows, cols = rng.randint(2, 9), rng.randint(2, 9)
    hidden.append((f"random-small-{i}", grid_input(random_grid(rng, rows, cols, rng.choice([0.1, 0.25, 0.4])))))
hidden += [
    ("open-400x400-wraps-modulo", grid_input(["." * 400] * 400)),
    ("long-corridor-1x400", grid_input(["." * 400])),
    ("tall-corridor-400x1", grid_input(["."] * 400)),
    ("max-generated-a", generated(400, 1)),
    ("max-generated-b", generated(400, 7)),
    ("max-dense-edges", grid_input(random_grid(rng, 400, 397, 0.2))),
]


def dump(tests, path):
    out = [{"name": name, "input": text, "output": solve(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["output"].strip()) for t in out])
