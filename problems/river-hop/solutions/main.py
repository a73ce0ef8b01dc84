from typing import List


class Solution:
    def canCross(self, stones: List[int]) -> bool:
        far = 0
        last = len(stones) - 1
        for i, hop in enumerate(stones):
            if i > far:
                return False
            if i + hop > far:
                far = i + hop
                if far >= last:
                    return True
        return True
