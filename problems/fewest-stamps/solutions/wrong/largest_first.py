# Greedy: always takes the largest stamp that still fits.
class Solution:
    def fewestStamps(self, denominations: List[int], postage: int) -> int:
        stamps = 0
        for d in sorted(set(denominations), reverse=True):
            stamps += postage // d
            postage %= d
        return stamps if postage == 0 else -1
