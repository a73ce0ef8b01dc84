"""Exits 0 when a Museum Guard Shifts input respects the constraints."""
import sys

data = sys.stdin.read().split()
n = int(data[0])
assert 1 <= n <= 2 * 10**4, "n out of range"
assert len(data) == 2 * n + 1, "expected n pairs"
for i in range(n):
    s, e = int(data[1 + 2 * i]), int(data[2 + 2 * i])
    assert 0 <= s < e <= 10**9, f"shift {i + 1} is not 0 <= s < e <= 10^9"
