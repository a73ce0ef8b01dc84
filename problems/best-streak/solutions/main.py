import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    best = ending = int(data[1])
    for token in data[2:n + 1]:
        x = int(token)
        ending = x if ending < 0 else ending + x
        if ending > best:
            best = ending
    print(best)


main()
