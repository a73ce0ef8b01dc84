from typing import List


class Solution:
    def puddleVolume(self, heights: List[int]) -> int:
        left, right = 0, len(heights) - 1
        left_max = right_max = 0
        water = 0
        while left <= right:
            if left_max <= right_max:
                h = heights[left]
                if h > left_max:
                    left_max = h
                else:
                    water += left_max - h
                left += 1
            else:
                h = heights[right]
                if h > right_max:
                    right_max = h
                else:
                    water += right_max - h
                right -= 1
        return water
