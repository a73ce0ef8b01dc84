import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    shifts = sorted(zip(map(int, data[1:2 * n + 1:2]), map(int, data[2:2 * n + 2:2])))
    periods = 0
    total = 0
    start, end = shifts[0]
    for s, e in shifts[1:]:
        if s <= end:
            if e > end:
                end = e
        else:
            periods += 1
            total += end - start
            start, end = s, e
    periods += 1
    total += end - start
    print(periods, total)


main()
