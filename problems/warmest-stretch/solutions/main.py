from typing import List


class Solution:
    def warmestStretch(self, temps: List[int], k: int) -> float:
        window = sum(temps[:k])
        best = window
        for i in range(k, len(temps)):
            window += temps[i] - temps[i - k]
            if window > best:
                best = window
        return best / k
