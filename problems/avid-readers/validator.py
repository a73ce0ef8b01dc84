"""Exits 0 when a Reading Challenge Badges setup respects the constraints (argument 1: mode)."""
import re
import sqlite3
import sys

db = sqlite3.connect(":memory:")
db.executescript(sys.stdin.read())
columns = {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})")] for t in ("members", "loans")}
assert columns["members"] == ["id", "name"], f"members columns {columns['members']}"
assert columns["loans"] == ["id", "member_id", "book_id", "loaned_on"], f"loans columns {columns['loans']}"
for table in ("members", "loans"):
    count = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    assert count <= 2000, f"{table} has {count} rows"
for (day,) in db.execute("SELECT loaned_on FROM loans"):
    assert isinstance(day, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day), f"bad date {day!r}"
orphans = db.execute("SELECT COUNT(*) FROM loans WHERE member_id NOT IN (SELECT id FROM members)").fetchone()[0]
assert orphans == 0, "a loan names a member that does not exist"
for row in db.execute("SELECT typeof(name) FROM members"):
    assert row[0] == "text", "a name is not text"
