# Each round scans the steps from 1 upwards for the first one whose prerequisites are all done:
# correct, but O(n * (n + m)).
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
before = [[] for _ in range(n + 1)]
for i in range(m):
    a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
    before[b].append(a)
done = [False] * (n + 1)
order = []
for _ in range(n):
    for step in range(1, n + 1):
        if not done[step] and all(done[p] for p in before[step]):
            done[step] = True
            order.append(step)
            break
    else:
        print("IMPOSSIBLE")
        sys.exit(0)
print(" ".join(map(str, order)))
