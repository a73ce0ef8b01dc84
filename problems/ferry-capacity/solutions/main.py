from typing import List


class Solution:
    def minFerryCapacity(self, crates: List[int], trips: int) -> int:
        def enough(capacity: int) -> bool:
            used, load = 1, 0
            for w in crates:
                if load + w > capacity:
                    used += 1
                    if used > trips:
                        return False
                    load = 0
                load += w
            return True

        low, high = max(crates), sum(crates)
        while low < high:
            mid = (low + high) // 2
            if enough(mid):
                high = mid
            else:
                low = mid + 1
        return low
