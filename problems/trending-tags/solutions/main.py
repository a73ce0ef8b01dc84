import heapq
from collections import Counter
from typing import List


class Solution:
    def trendingTags(self, tags: List[str], k: int) -> List[str]:
        counts = Counter(tags)
        best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
        return [t for t, _ in best]
