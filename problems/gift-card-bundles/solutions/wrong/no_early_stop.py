# Skips duplicates correctly but never prunes: every branch runs to the end of the drawer, even
# when the running total is already far above the target.
class Solution:
    def exactBundles(self, cards: List[int], target: int) -> List[List[int]]:
        cards = sorted(cards)
        bundles = []
        chosen = []

        def extend(start, total):
            if start == len(cards):
                if total == target:
                    bundles.append(chosen.copy())
                return
            # take cards[start]
            chosen.append(cards[start])
            extend(start + 1, total + cards[start])
            chosen.pop()
            # skip every copy of this value
            nxt = start
            while nxt < len(cards) and cards[nxt] == cards[start]:
                nxt += 1
            extend(nxt, total)

        extend(0, 0)
        return sorted(bundles)
