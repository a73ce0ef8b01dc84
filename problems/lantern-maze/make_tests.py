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


rng = random.Random(31)


def random_map(rows, cols, density):
    g = [["#" if rng.random() < density else "." for _ in range(cols)] for _ in range(rows)]
    cells = [(r, c) for r in range(rows) for c in range(cols)]
    (sr, sc), (er, ec) = rng.sample(cells, 2)
    g[sr][sc] = "S"
    g[er][ec] = "E"
    return ["".join(r) for r in g]


def serpentine(n):
    # Every other row is rock except one gap, alternating sides: one very long corridor.
    g = []
    for r in range(n):
        if r % 2 == 0:
            g.append(["."] * n)
        else:
            row = ["#"] * n
            row[n - 1 if r % 4 == 1 else 0] = "."
            g.append(row)
    g[0][0] = "S"
    g[n - 1][n - 1 if (n - 1) % 4 == 0 else 0] = "E"
    return ["".join(r) for r in g]


public = [
    ("example", grid_input(["S.#....", ".##.##.", "...#...", ".#...#E", "...#..."])),
    ("open-room", grid_input(["S..", "E..", "..."])),
    ("sealed-exit", grid_input(["S.#.", "..#E", "###."])),
]
hidden = [
    ("side-by-side", grid_input(["SE"])),
    ("one-column", grid_input(["E", ".", ".", "S"])),
    ("one-row-blocked", grid_input(["S.#.E"])),
    ("exit-boxed-in", grid_input(["S...", "..#.", ".#E#", "..#."])),
    ("start-boxed-in", grid_input(["#S#", "###", "..E"])),
    ("detour-around-wall", grid_input(["S#E", ".#.", "..."])),
    ("open-field-diagonal", grid_input(["S" + "." * 9] + ["." * 10] * 8 + ["." * 9 + "E"])),
    ("small-serpentine", grid_input(serpentine(9))),
]
for i in range(6):
    hidden.append((f"random-small-{i}", grid_input(random_map(rng.randint(2, 8), rng.randint(2, 8), 0.3))))
hidden += [
    ("open-300x300", grid_input(["S" + "." * 299] + ["." * 300] * 298 + ["." * 299 + "E"])),
    ("serpentine-300", grid_input(serpentine(300))),
    ("max-generated-maze", generated(300, 1)),
    ("max-generated-rocks", generated(300, 2)),
    ("near-max-generated-maze", generated(299, 5)),
]


def dump(tests, path):
    out = [{"name": name, "input": text, "output": solve(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["output"].strip()) for t in out])
