from typing import List


# Tries every pair: correct, but about n^2 / 2 additions.
class Solution:
    def balancingPair(self, weights: List[int], target: int) -> List[int]:
        n = len(weights)
        for i in range(n):
            need = target - weights[i]
            for j in range(i + 1, n):
                if weights[j] == need:
                    return [i, j]
        return []
