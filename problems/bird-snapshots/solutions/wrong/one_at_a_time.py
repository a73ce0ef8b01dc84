from typing import List


# Finds the earliest leaver among the birds left, shoots, then removes every captured bird:
# the right greedy, but each snapshot rescans the whole list, O(n * answer).
class Solution:
    def minSnapshots(self, visits: List[List[int]]) -> int:
        left = [tuple(v) for v in visits]
        shots = 0
        while left:
            t = min(leave for _, leave in left)
            shots += 1
            left = [(a, b) for a, b in left if not a <= t <= b]
        return shots
