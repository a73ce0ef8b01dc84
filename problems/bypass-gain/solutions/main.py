from typing import List


class Solution:
    def bypassGains(self, gains: List[int]) -> List[int]:
        n = len(gains)
        result = [1] * n
        prefix = 1
        for i in range(n):
            result[i] = prefix
            prefix *= gains[i]
        suffix = 1
        for i in range(n - 1, -1, -1):
            result[i] *= suffix
            suffix *= gains[i]
        return result
