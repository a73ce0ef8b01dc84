from typing import List


class Solution:
    # Scans forward from every day: O(n^2) on a season that keeps cooling.
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        n = len(temps)
        wait = [0] * n
        for i in range(n):
            for j in range(i + 1, n):
                if temps[j] > temps[i]:
                    wait[i] = j - i
                    break
        return wait
