"""Builds tests/public.json and tests/hidden.json: each expected result is what the reference
query solutions/main.sql returns on SQLite. Run from the package directory: python3 make_tests.py"""
import json
import random
import sqlite3
import subprocess
import sys

SCHEMA = ("CREATE TABLE members(id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
          "CREATE TABLE loans(id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL, "
          "book_id INTEGER NOT NULL, loaned_on TEXT NOT NULL);\n")
QUERY = open("solutions/main.sql").read()


def setup(members, loans):
    """members: list of names (ids 1..); loans: list of (member_id, book_id, date)."""
    text = SCHEMA
    if members:
        text += "INSERT INTO members VALUES " + ", ".join(
            f"({i}, '{name}')" for i, name in enumerate(members, 1)) + ";\n"
    if loans:
        text += "INSERT INTO loans VALUES " + ", ".join(
            f"({i}, {m}, {b}, '{d}')" for i, (m, b, d) in enumerate(loans, 1)) + ";\n"
    return text


def expected(text):
    db = sqlite3.connect(":memory:")
    db.executescript(text)
    cur = db.execute(QUERY)
    return {"columns": [c[0] for c in cur.description], "rows": [list(r) for r in cur.fetchall()]}


def generated(n, seed):
    return subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                          check=True).stdout.decode()


rng = random.Random(5)
example = setup(["Ines", "Tomas", "Wren"], [
    (1, 10, "2023-01-05"), (1, 11, "2023-02-11"), (1, 12, "2023-12-31"),
    (2, 10, "2023-03-02"), (2, 10, "2023-04-09"), (2, 13, "2023-05-20"),
    (3, 11, "2022-12-30"), (3, 12, "2023-06-01"), (3, 14, "2023-06-02"), (3, 15, "2024-01-01")])
public = [
    ("example", example),
    ("same-book-thrice", setup(["Pavel", "Rosa"], [
        (1, 7, "2023-03-01"), (1, 7, "2023-04-01"), (1, 7, "2023-05-01"),
        (2, 1, "2023-03-01"), (2, 2, "2023-03-01"), (2, 3, "2023-03-01")])),
    ("two-readers-same-name", setup(["Sam", "Sam", "Lia"], [
        (1, 1, "2023-01-10"), (1, 2, "2023-01-11"),
        (2, 3, "2023-02-10"), (2, 4, "2023-02-11"),
        (3, 1, "2023-07-07"), (3, 2, "2023-07-08"), (3, 3, "2023-07-09"), (3, 4, "2023-07-10")])),
]
hidden = [
    ("no-loans", setup(["Ana", "Ben"], [])),
    ("nobody-qualifies", setup(["Ana", "Ben"], [(1, 1, "2023-05-05"), (1, 2, "2023-05-06"), (2, 3, "2023-05-07")])),
    ("year-boundaries-count", setup(["Edge"], [(1, 1, "2023-01-01"), (1, 2, "2023-12-31"), (1, 3, "2023-06-15")])),
    ("just-outside-the-year", setup(["Edge"], [(1, 1, "2022-12-31"), (1, 2, "2024-01-01"), (1, 3, "2023-06-15"), (1, 4, "2023-06-16")])),
    ("only-other-years", setup(["Old"], [(1, b, "2021-03-0" + str(b)) for b in range(1, 8)])),
    ("member-without-loans", setup(["Quiet", "Busy"], [(2, b, "2023-09-1" + str(b)) for b in range(5)])),
    ("twin-names-both-qualify", setup(["Sam", "Sam"], [(m, b, "2023-08-01") for m in (1, 2) for b in range(1, 4)])),
    ("repeats-and-distinct", setup(["Mix"], [(1, 1, "2023-01-01")] * 4 + [(1, 2, "2023-01-02"), (1, 3, "2023-01-03")])),
    ("many-books-one-reader", setup(["Vora"], [(1, b, "2023-10-%02d" % (b % 28 + 1)) for b in range(1, 60)])),
    ("apostrophe-in-name", setup(["O''Hara", "D''Souza"], [(1, b, "2023-02-02") for b in (5, 6, 7)] + [(2, 5, "2023-02-02")])),
]
for i in range(3):
    hidden.append((f"random-small-{i}", generated(rng.randint(20, 60), 100 + i)))
hidden += [
    ("max-generated-a", generated(2000, 1)),
    ("max-generated-b", generated(2000, 2)),
    ("near-max-generated", generated(1800, 3)),
]


def dump(tests, path):
    out = [{"name": name, "setup": text, "expected": expected(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], len(t["expected"]["rows"])) for t in out])
