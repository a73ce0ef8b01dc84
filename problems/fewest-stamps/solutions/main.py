class Solution:
    def fewestStamps(self, denominations: List[int], postage: int) -> int:
        values = sorted(set(d for d in denominations if d <= postage))
        impossible = postage + 1
        best = [0] + [impossible] * postage
        for amount in range(1, postage + 1):
            fewest = impossible
            for d in values:
                if d > amount:
                    break
                if best[amount - d] < fewest:
                    fewest = best[amount - d]
            best[amount] = fewest + 1 if fewest < impossible else impossible
        return best[postage] if best[postage] < impossible else -1
