from typing import List


# Compares every pair of beacons: about n^2 / 2 popcounts.
class Solution:
    def totalInterference(self, patterns: List[int]) -> int:
        total = 0
        n = len(patterns)
        for i in range(n):
            a = patterns[i]
            for j in range(i + 1, n):
                total += (a ^ patterns[j]).bit_count()
        return total
