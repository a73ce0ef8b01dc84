"""Exits 0 when a Two Weights for the Scale input respects the constraints (argument 1: mode;
stdin: the arguments, one JSON value per line)."""
import json
import sys

lines = [line for line in sys.stdin.read().splitlines() if line.strip()]
assert len(lines) == 2, "expected two arguments: weights and target"
weights, target = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(weights, list) and 1 <= len(weights) <= 2 * 10**4, "len(weights) out of range"
assert all(isinstance(w, int) and -10**9 <= w <= 10**9 for w in weights), "a weight is out of range"
assert isinstance(target, int) and -2 * 10**9 <= target <= 2 * 10**9, "target out of range"
