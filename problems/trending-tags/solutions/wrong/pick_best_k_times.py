from typing import List


class Solution:
    # Counts with a dict, then scans all remaining tags k times for the best one: O(k * m).
    def trendingTags(self, tags: List[str], k: int) -> List[str]:
        counts = {}
        for t in tags:
            counts[t] = counts.get(t, 0) + 1
        result = []
        for _ in range(k):
            best = None
            for t, c in counts.items():
                if best is None or c > counts[best] or (c == counts[best] and t < best):
                    best = t
            result.append(best)
            del counts[best]
        return result
