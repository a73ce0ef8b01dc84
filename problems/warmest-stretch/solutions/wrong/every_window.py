from typing import List


# Adds up every window from scratch: O(n * k).
class Solution:
    def warmestStretch(self, temps: List[int], k: int) -> float:
        return max(sum(temps[i:i + k]) for i in range(len(temps) - k + 1)) / k
