"""Exits 0 when a Brewing Day Schedule input respects the constraints."""
import sys

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
assert 1 <= n <= 10**4, "n out of range"
assert 0 <= m <= 2 * 10**4, "m out of range"
assert len(data) == 2 + 2 * m, "expected m rules of two numbers"
assert all(1 <= int(x) <= n for x in data[2:]), "a step number is out of range"
