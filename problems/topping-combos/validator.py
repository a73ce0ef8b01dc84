"""Exits 0 when a Topping Combos test input respects the constraints (argv[1] is the mode)."""
import json
import sys

assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 1, "expected one argument"
toppings = json.loads(lines[0])
assert isinstance(toppings, list), "toppings is not a list"
assert len(toppings) <= 12, "too many toppings"
for t in toppings:
    assert isinstance(t, int) and not isinstance(t, bool), "a topping is not an integer"
    assert -1000 <= t <= 1000, f"topping {t} out of range"
assert len(set(toppings)) == len(toppings), "toppings are not distinct"
