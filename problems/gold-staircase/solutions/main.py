import math


class Solution:
    def fullSteps(self, blocks: int) -> int:
        # k(k+1)/2 <= blocks  <=>  (2k+1)^2 <= 8*blocks + 1: an exact integer square root.
        return (math.isqrt(8 * blocks + 1) - 1) // 2
