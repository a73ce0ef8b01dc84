from typing import List


class Solution:
    def totalInterference(self, patterns: List[int]) -> int:
        n = len(patterns)
        total = 0
        for bit in range(30):
            mask = 1 << bit
            lit = sum(1 for p in patterns if p & mask)
            total += lit * (n - lit)
        return total
