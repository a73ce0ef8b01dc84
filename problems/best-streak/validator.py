"""Exits 0 when a Best Streak input respects the constraints."""
import sys

data = sys.stdin.read().split()
n = int(data[0])
assert 1 <= n <= 100000, "n out of range"
assert len(data) == n + 1, "expected n numbers"
assert all(-10**9 <= int(x) <= 10**9 for x in data[1:]), "value out of range"
