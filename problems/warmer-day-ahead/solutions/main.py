from typing import List


class Solution:
    def daysUntilWarmer(self, temps: List[int]) -> List[int]:
        wait = [0] * len(temps)
        waiting = []
        for i, t in enumerate(temps):
            while waiting and temps[waiting[-1]] < t:
                j = waiting.pop()
                wait[j] = i - j
            waiting.append(i)
        return wait
