"""Prints a Reading Challenge Badges setup (SQL) with N loans (capped at 2000) and about N/6
members: `python3 generator.py N [SEED]`. Loans cluster around 2023, repeat books and
members share names."""
import random
import sys

n = max(0, min(2000, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
first = ["Ada", "Bo", "Cai", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kit", "Lea",
         "Mo", "Noor", "Oli", "Pia", "Quin", "Rui", "Sam", "Tove", "Uma", "Vik", "Wen", "Yara"]
members = max(1, n // 6)
print("CREATE TABLE members(id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
print("CREATE TABLE loans(id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL, "
      "book_id INTEGER NOT NULL, loaned_on TEXT NOT NULL);")
print("INSERT INTO members VALUES " + ",".join(
    f"({i}, '{rng.choice(first)}')" for i in range(1, members + 1)) + ";")
rows = []
for i in range(1, n + 1):
    member = rng.randint(1, members)
    book = rng.randint(1, 12)
    year = rng.choice([2022, 2023, 2023, 2023, 2024])
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    rows.append(f"({i}, {member}, {book}, '{day}')")
for start in range(0, len(rows), 500):
    print("INSERT INTO loans VALUES " + ",".join(rows[start:start + 500]) + ";")
