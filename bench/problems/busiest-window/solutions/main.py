from typing import List


class Solution:
    def busiestWindow(self, visits: List[int], k: int) -> int:
        total = sum(visits[:k])
        best = total
        for i in range(k, len(visits)):
            total += visits[i] - visits[i - k]
            best = max(best, total)
        return best
