"""Exits 0 when a Bypass Gain test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
gains = json.loads(lines[0])
assert isinstance(gains, list), "gains is not a list"
assert 1 <= len(gains) <= 2 * 10**4, "len(gains) out of range"
product = 1
for g in gains:
    assert isinstance(g, int) and not isinstance(g, bool), "gain is not an integer"
    assert -30 <= g <= 30, f"gain {g} out of range"
    if g:
        product *= g
assert -2**31 <= product <= 2**31 - 1, "product of non-zero gains out of 32-bit range"
