from collections import Counter
from typing import List


class Solution:
    # Breaks ties by first appearance (Counter keeps insertion order and the sort is stable)
    # instead of alphabetically.
    def trendingTags(self, tags: List[str], k: int) -> List[str]:
        counts = Counter(tags)
        ranked = sorted(counts, key=lambda t: -counts[t])
        return ranked[:k]
