from typing import List


class Solution:
    # Tries every capacity from the heaviest crate upwards: O(n * answer).
    def minFerryCapacity(self, crates: List[int], trips: int) -> int:
        capacity = max(crates)
        while True:
            used, load = 1, 0
            for w in crates:
                if load + w > capacity:
                    used += 1
                    load = 0
                load += w
            if used <= trips:
                return capacity
            capacity += 1
