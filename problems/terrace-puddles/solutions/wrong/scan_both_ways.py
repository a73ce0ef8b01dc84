from typing import List


class Solution:
    # Looks for the tallest wall on each side of every terrace from scratch: O(n^2).
    def puddleVolume(self, heights: List[int]) -> int:
        n = len(heights)
        water = 0
        for i in range(n):
            left_max = 0
            for j in range(i + 1):
                left_max = max(left_max, heights[j])
            right_max = 0
            for j in range(i, n):
                right_max = max(right_max, heights[j])
            water += min(left_max, right_max) - heights[i]
        return water
