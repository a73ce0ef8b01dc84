from typing import List


# Multiplies all the other gains again for every stage: O(n^2).
class Solution:
    def bypassGains(self, gains: List[int]) -> List[int]:
        n = len(gains)
        result = []
        for i in range(n):
            p = 1
            for j in range(n):
                if j != i:
                    p *= gains[j]
            result.append(p)
        return result
