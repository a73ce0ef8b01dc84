from typing import List


class Solution:
    def allCombos(self, toppings: List[int]) -> List[List[int]]:
        codes = sorted(toppings)
        n = len(codes)
        combos = [[codes[i] for i in range(n) if mask >> i & 1] for mask in range(1 << n)]
        combos.sort(key=lambda c: (len(c), c))
        return combos
