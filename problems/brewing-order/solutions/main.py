import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    after = [[] for _ in range(n + 1)]
    waiting = [0] * (n + 1)
    for i in range(m):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        after[a].append(b)
        waiting[b] += 1
    ready = deque(step for step in range(1, n + 1) if waiting[step] == 0)
    order = []
    while ready:
        step = ready.popleft()
        order.append(step)
        for nxt in after[step]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")


main()
