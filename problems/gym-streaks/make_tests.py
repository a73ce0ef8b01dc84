"""Builds tests/public.json and tests/hidden.json: each expected result is what the reference
query solutions/main.sql returns on SQLite. Run from the package directory: python3 make_tests.py"""
import datetime
import json
import random
import sqlite3
import subprocess
import sys

SCHEMA = "CREATE TABLE checkins(id INTEGER PRIMARY KEY, member TEXT NOT NULL, day TEXT NOT NULL);\n"
QUERY = open("solutions/main.sql").read()


def setup(rows):
    text = SCHEMA
    if rows:
        text += "INSERT INTO checkins VALUES " + ", ".join(
            f"({i}, '{m}', '{d}')" for i, (m, d) in enumerate(rows, 1)) + ";\n"
    return text


def run(member, first, length, repeat=1):
    day = datetime.date.fromisoformat(first)
    return [(member, (day + datetime.timedelta(days=k)).isoformat())
            for k in range(length) for _ in range(repeat)]


def expected(text):
    db = sqlite3.connect(":memory:")
    db.executescript(text)
    cur = db.execute(QUERY)
    return {"columns": [c[0] for c in cur.description], "rows": [list(r) for r in cur.fetchall()]}


def generated(n, seed):
    return subprocess.run([sys.executable, "generator.py", str(n), str(seed)], capture_output=True,
                          check=True).stdout.decode()


rng = random.Random(9)
example = [("kai", "2024-01-30"), ("kai", "2024-01-31"), ("kai", "2024-01-31"), ("kai", "2024-02-01"),
           ("kai", "2024-02-05"), ("bea", "2024-03-10"), ("bea", "2024-03-12"), ("bea", "2024-03-13"),
           ("bea", "2024-03-20"), ("bea", "2024-03-21"), ("ash", "2024-01-01")]
public = [
    ("example", setup(example)),
    ("double-taps", setup(run("lu", "2024-05-01", 4, repeat=2) + run("ro", "2024-05-01", 3))),
    ("across-new-year", setup(run("nia", "2023-12-30", 5) + run("ove", "2024-01-02", 4))),
]
shuffled = run("zed", "2024-06-01", 6) + run("amy", "2024-06-03", 6) + run("amy", "2024-07-01", 2)
rng.shuffle(shuffled)
hidden = [
    ("empty-table", setup([])),
    ("single-visit", setup([("solo", "2024-04-04")])),
    ("many-taps-one-day", setup([("tap", "2024-04-04")] * 6)),
    ("leap-day", setup(run("leo", "2024-02-27", 4) + run("max", "2023-02-27", 3))),
    ("month-end-31", setup(run("jo", "2024-07-30", 4) + run("jo", "2024-08-10", 3))),
    ("tie-earliest-wins", setup(run("tia", "2024-09-10", 3) + run("tia", "2024-09-01", 3) + run("tia", "2024-09-20", 2))),
    ("longer-later-streak", setup(run("ben", "2024-01-01", 2) + run("ben", "2024-03-01", 5))),
    ("equal-streaks-sorted-by-member", setup(run("cy", "2024-02-01", 3) + run("ab", "2024-03-01", 3) + run("bo", "2024-01-01", 3))),
    ("rows-out-of-order", setup(shuffled)),
    ("every-other-day", setup([("hop", (datetime.date(2024, 1, 1) + datetime.timedelta(days=2 * k)).isoformat()) for k in range(10)])),
    ("long-season", setup(run("iron", "2023-11-15", 120, repeat=2))),
    ("gap-of-one-day-splits", setup(run("gap", "2024-03-30", 2) + run("gap", "2024-04-01", 2))),
]
for i in range(2):
    hidden.append((f"random-small-{i}", generated(rng.randint(40, 120), 50 + i)))
hidden += [
    ("max-generated-a", generated(3000, 1)),
    ("max-generated-b", generated(3000, 2)),
    ("near-max-generated", generated(2700, 3)),
]


def dump(tests, path):
    out = [{"name": name, "setup": text, "expected": expected(text)} for name, text in tests]
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(t) for t in out) + "\n]\n")
    return out


for name, out in (("public", dump(public, "tests/public.json")), ("hidden", dump(hidden, "tests/hidden.json"))):
    print(name, [(t["name"], t["expected"]["rows"][:3]) for t in out])
