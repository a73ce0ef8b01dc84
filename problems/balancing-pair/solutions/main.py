from typing import List


class Solution:
    def balancingPair(self, weights: List[int], target: int) -> List[int]:
        seen = {}
        for j, w in enumerate(weights):
            i = seen.get(target - w)
            if i is not None:
                return [i, j]
            seen[w] = j
        return []
