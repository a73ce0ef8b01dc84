from typing import List


class Solution:
    # Marks every stone reachable from every reachable stone: O(n * max hop).
    def canCross(self, stones: List[int]) -> bool:
        n = len(stones)
        reach = [False] * n
        reach[0] = True
        for i in range(n):
            if reach[i]:
                for j in range(i + 1, min(n, i + stones[i] + 1)):
                    reach[j] = True
        return reach[n - 1]
