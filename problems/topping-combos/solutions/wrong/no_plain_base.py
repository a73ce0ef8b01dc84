from typing import List


class Solution:
    # Starts the masks at 1: the plain base (no topping) is missing from the card.
    def allCombos(self, toppings: List[int]) -> List[List[int]]:
        codes = sorted(toppings)
        n = len(codes)
        combos = [[codes[i] for i in range(n) if mask >> i & 1] for mask in range(1, 1 << n)]
        combos.sort(key=lambda c: (len(c), c))
        return combos
