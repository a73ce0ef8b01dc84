"""Exits 0 when a Slot It In test input respects the constraints (argv[1] is the mode)."""
import json
import sys


def check_window(w, what):
    assert isinstance(w, list) and len(w) == 2, f"{what} is not a pair"
    for x in w:
        assert isinstance(x, int) and not isinstance(x, bool), f"{what} has a non-integer"
    assert 0 <= w[0] <= w[1] <= 10**9, f"{what} = {w} out of range or reversed"


assert sys.argv[1] == "function", "a function-mode problem"
lines = [line for line in sys.stdin.read().split("\n") if line.strip()]
assert len(lines) == 2, "expected two arguments"
windows, window = json.loads(lines[0]), json.loads(lines[1])
assert isinstance(windows, list), "windows is not a list"
assert len(windows) <= 5000, "too many windows"
for i, w in enumerate(windows):
    check_window(w, f"windows[{i}]")
    if i:
        assert windows[i - 1][1] < w[0], f"windows[{i - 1}] and windows[{i}] are not tidy"
check_window(window, "window")
