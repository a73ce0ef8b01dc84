# Kahn's algorithm that forgets to check for a cycle: it prints the steps it managed to order
# instead of IMPOSSIBLE.
import sys
from collections import deque

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
after = [[] for _ in range(n + 1)]
waiting = [0] * (n + 1)
for i in range(m):
    a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    after[a].append(b)
    waiting[b] += 1
ready = deque(s for s in range(1, n + 1) if waiting[s] == 0)
order = []
while ready:
    s = ready.popleft()
    order.append(s)
    for t in after[s]:
        waiting[t] -= 1
        if waiting[t] == 0:
            ready.append(t)
print(" ".join(map(str, order)))
