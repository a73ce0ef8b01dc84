"""Prints a Stadium Gate Logs input with N entries in total (capped at 2*10^4) spread over about
N/4 gates (capped at 5000), some of them empty: one JSON line, the logs:
`python3 generator.py N [SEED]`."""
import json
import random
import sys

n = max(0, min(2 * 10**4, int(sys.argv[1])))
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else n)
gates = max(1, min(5000, n // 4))
logs = [[] for _ in range(gates)]
for _ in range(n):
    logs[rng.randrange(gates)].append(rng.randint(0, 10**6))
for log in logs:
    log.sort()
print(json.dumps(logs, separators=(",", ":")))
