from typing import List


class Solution:
    # Adds up every window from scratch: O(n * k), too slow when n and k are both large.
    def busiestWindow(self, visits: List[int], k: int) -> int:
        best = 0
        for start in range(len(visits) - k + 1):
            total = 0
            for i in range(start, start + k):
                total += visits[i]
            best = max(best, total)
        return best
