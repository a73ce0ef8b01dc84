# Tries every subset of the drawer and keeps the distinct ones that hit the target.
class Solution:
    def exactBundles(self, cards: List[int], target: int) -> List[List[int]]:
        found = set()
        n = len(cards)
        for mask in range(1, 1 << n):
            picked = [cards[i] for i in range(n) if mask >> i & 1]
            if sum(picked) == target:
                found.add(tuple(sorted(picked)))
        return [list(b) for b in sorted(found)]
