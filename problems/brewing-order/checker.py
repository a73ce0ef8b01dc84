"""Checker for Brewing Day Schedule: `checker.py INPUT EXPECTED ACTUAL`.

EXPECTED is the reference answer: IMPOSSIBLE, or one valid order (any valid order is as good).
Exit 0 accepts; exit 1 rejects with the reason on stdout; exit 2 means the checker itself met
something it cannot read (a broken test, never the learner's fault)."""
import sys


def reject(message):
    print(message)
    sys.exit(1)


def main():
    with open(sys.argv[1]) as f:
        data = f.read().split()
    with open(sys.argv[2]) as f:
        expected = f.read().split()
    with open(sys.argv[3], errors="replace") as f:
        actual = f.read().split()
    n, m = int(data[0]), int(data[1])
    rules = [(int(data[2 + 2 * i]), int(data[3 + 2 * i])) for i in range(m)]
    possible = expected != ["IMPOSSIBLE"]
    if not actual:
        reject("the output is empty")
    if actual == ["IMPOSSIBLE"]:
        if possible:
            reject("printed IMPOSSIBLE, but a valid order exists")
        return
    if not possible:
        reject("the rules contain a cycle, so no order exists: expected IMPOSSIBLE")
    if len(actual) != n:
        reject(f"printed {len(actual)} numbers; expected {n} (every step once) or IMPOSSIBLE")
    position = [-1] * (n + 1)
    for i, token in enumerate(actual):
        if not (token.isascii() and token.isdigit()) or not 1 <= int(token) <= n:
            reject(f"token {i + 1} is {token[:20]!r}, not a step number between 1 and {n}")
        step = int(token)
        if position[step] >= 0:
            reject(f"step {step} appears twice")
        position[step] = i
    for a, b in rules:
        if position[a] > position[b]:
            reject(f"the rule '{a} before {b}' is broken: {b} is at position {position[b] + 1}, "
                   f"{a} at position {position[a] + 1}")


try:
    main()
except SystemExit:
    raise
except Exception as e:  # a broken test or checker: not a verdict on the learner
    print(f"checker error: {e!r}", file=sys.stderr)
    sys.exit(2)
