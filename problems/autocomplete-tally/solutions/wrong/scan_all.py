# Compares every logged string with every title.
class Solution:
    def tallyMatches(self, titles: List[str], typed: List[str]) -> List[int]:
        return [sum(1 for title in titles if title.startswith(text)) for text in typed]
