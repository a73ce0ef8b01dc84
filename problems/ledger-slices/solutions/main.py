from typing import List


class Solution:
    def countSlices(self, entries: List[int], target: int) -> int:
        seen = {0: 1}
        running = 0
        count = 0
        for e in entries:
            running += e
            count += seen.get(running - target, 0)
            seen[running] = seen.get(running, 0) + 1
        return count
