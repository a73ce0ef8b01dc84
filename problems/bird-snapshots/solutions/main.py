from typing import List


class Solution:
    def minSnapshots(self, visits: List[List[int]]) -> int:
        shots = 0
        last = -1
        for arrive, leave in sorted(visits, key=lambda v: v[1]):
            if arrive > last:
                shots += 1
                last = leave
        return shots
