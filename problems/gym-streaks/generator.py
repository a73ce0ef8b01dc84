"""Prints a Climbing Gym Streaks setup (SQL) with N check-ins (capped at 3000) by about N/20
members over a season that crosses month, year and leap-day boundaries:
`python3 generator.py N [SEED]`."""
import datetime
import random
import sys

n = max(0, min(3000, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
members = [f"m{i:03d}" for i in range(max(1, n // 20))]
first_day = datetime.date(2023, 12, 20)
print("CREATE TABLE checkins(id INTEGER PRIMARY KEY, member TEXT NOT NULL, day TEXT NOT NULL);")
rows = []
while len(rows) < n:
    member = rng.choice(members)
    # Runs of visits: a start day and a run length, with occasional repeated taps.
    start = first_day + datetime.timedelta(days=rng.randint(0, 120))
    for k in range(rng.randint(1, 12)):
        if len(rows) >= n:
            break
        day = start + datetime.timedelta(days=k)
        for _ in range(1 + (rng.random() < 0.15)):
            if len(rows) < n:
                rows.append((member, day.isoformat()))
rng.shuffle(rows)
for begin in range(0, len(rows), 500):
    chunk = rows[begin:begin + 500]
    print("INSERT INTO checkins VALUES " + ",".join(
        f"({begin + i + 1}, '{m}', '{d}')" for i, (m, d) in enumerate(chunk)) + ";")
