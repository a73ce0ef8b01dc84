from typing import List


# Looks at the front of every gate to find the next entry: O(N * k).
class Solution:
    def mergeLogs(self, logs: List[List[int]]) -> List[int]:
        position = [0] * len(logs)
        merged = []
        while True:
            best = -1
            for g in range(len(logs)):
                if position[g] < len(logs[g]) and (best < 0 or logs[g][position[g]] < logs[best][position[best]]):
                    best = g
            if best < 0:
                return merged
            merged.append(logs[best][position[best]])
            position[best] += 1
