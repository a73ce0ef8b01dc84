"""Exits 0 when a Climbing Gym Streaks setup respects the constraints (argument 1: mode)."""
import datetime
import sqlite3
import sys

db = sqlite3.connect(":memory:")
db.executescript(sys.stdin.read())
columns = [r[1] for r in db.execute("PRAGMA table_info(checkins)")]
assert columns == ["id", "member", "day"], f"checkins columns {columns}"
count = db.execute("SELECT COUNT(*) FROM checkins").fetchone()[0]
assert count <= 3000, f"{count} rows"
for member, day in db.execute("SELECT member, day FROM checkins"):
    assert isinstance(member, str) and member, f"bad member {member!r}"
    assert isinstance(day, str) and len(day) == 10, f"bad day {day!r}"
    datetime.date.fromisoformat(day)  # raises on an impossible date
