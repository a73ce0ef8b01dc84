"""Checker for Two Weights for the Scale: `checker.py INPUT EXPECTED ACTUAL`.

INPUT holds the arguments, one JSON value per line (weights, then target); EXPECTED and ACTUAL
are JSON. EXPECTED is the reference's answer: [] exactly when no pair exists. Any valid pair is
accepted. Exit 0 accepts; exit 1 rejects with the reason on stdout; exit 2 is a broken test."""
import json
import sys


def reject(message):
    print(message)
    sys.exit(1)


def main():
    with open(sys.argv[1]) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    weights, target = json.loads(lines[0]), json.loads(lines[1])
    with open(sys.argv[2]) as f:
        expected = json.load(f)
    with open(sys.argv[3]) as f:
        try:
            actual = json.load(f)
        except ValueError:
            reject("the return value is not JSON")
    if not isinstance(actual, list):
        reject(f"returned {json.dumps(actual)[:80]}; expected a list")
    if not actual:
        if expected:
            i, j = expected
            reject(f"returned [], but positions {i} and {j} balance: "
                   f"{weights[i]} + {weights[j]} = {target}")
        return
    if len(actual) != 2 or not all(isinstance(x, int) and not isinstance(x, bool) for x in actual):
        reject(f"returned {json.dumps(actual)[:80]}; expected two positions or []")
    i, j = actual
    n = len(weights)
    if not (0 <= i < n and 0 <= j < n):
        reject(f"positions {i}, {j}: each must be between 0 and {n - 1}")
    if i == j:
        reject(f"positions {i} and {j} are the same counterweight; it cannot be used twice")
    if weights[i] + weights[j] != target:
        reject(f"weights[{i}] + weights[{j}] = {weights[i]} + {weights[j]} = "
               f"{weights[i] + weights[j]}, not {target}")
    if not expected:
        print("checker error: the reference found no pair, but this one is valid", file=sys.stderr)
        sys.exit(2)


try:
    main()
except SystemExit:
    raise
except Exception as e:  # a broken test or checker: not a verdict on the learner
    print(f"checker error: {e!r}", file=sys.stderr)
    sys.exit(2)
