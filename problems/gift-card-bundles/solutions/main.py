class Solution:
    def exactBundles(self, cards: List[int], target: int) -> List[List[int]]:
        cards = sorted(cards)
        bundles = []
        chosen = []

        def extend(start, missing):
            if missing == 0:
                bundles.append(chosen.copy())
                return
            for i in range(start, len(cards)):
                if cards[i] > missing:
                    break
                if i > start and cards[i] == cards[i - 1]:
                    continue
                chosen.append(cards[i])
                extend(i + 1, missing - cards[i])
                chosen.pop()

        extend(0, target)
        return bundles
