# Keeps a list of disjoint periods and, for each shift, scans the whole list to merge it in:
# correct, but quadratic when the night falls into many separate periods.
import sys

data = sys.stdin.read().split()
n = int(data[0])
periods = []
for i in range(n):
    s, e = int(data[1 + 2 * i]), int(data[2 + 2 * i])
    kept = []
    for ps, pe in periods:
        if ps <= e and s <= pe:
            s = min(s, ps)
            e = max(e, pe)
        else:
            kept.append((ps, pe))
    kept.append((s, e))
    periods = kept
print(len(periods), sum(e - s for s, e in periods))
