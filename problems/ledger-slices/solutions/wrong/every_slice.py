from typing import List


class Solution:
    # Sums every slice starting at every entry: O(n^2).
    def countSlices(self, entries: List[int], target: int) -> int:
        n = len(entries)
        count = 0
        for i in range(n):
            s = 0
            for j in range(i, n):
                s += entries[j]
                if s == target:
                    count += 1
        return count
