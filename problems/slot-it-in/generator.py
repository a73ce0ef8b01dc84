"""Prints a Slot It In input with n windows: `python3 generator.py N [SEED]`.

One JSON value per line, in signature order: `windows`, then `window`. The windows are tidy
(sorted, no shared day, sometimes adjacent); the seed decides whether the new window swallows a
few windows, a huge middle run, touches neighbours only, or goes before or after everything.
"""
import json
import random
import sys


def generate(n, seed):
    rng = random.Random(seed)
    windows = []
    day = rng.randint(0, 5)
    for _ in range(n):
        start = day + rng.choice((1, 1, 2, rng.randint(1, 200)))
        end = start + rng.randint(0, 100)
        windows.append([start, end])
        day = end
    last = windows[-1][1] if windows else 100
    style = seed % 5
    if style == 0 and n >= 2:
        i = rng.randrange(n)
        j = min(n - 1, i + rng.randint(0, 5))
        window = [windows[i][1], windows[j][0]] if windows[i][1] <= windows[j][0] else windows[i][:]
    elif style == 1 and n >= 2:
        window = [rng.randint(0, last // 4), rng.randint(3 * last // 4, last)]
    elif style == 2:
        window = [0, max(0, windows[0][0] - 1)] if windows else [0, 0]
    elif style == 3:
        window = [last + rng.randint(0, 3), last + rng.randint(3, 50)]
    else:
        a, b = sorted((rng.randint(0, last), rng.randint(0, last)))
        window = [a, b]
    return [windows, window]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
