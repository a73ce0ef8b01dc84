import heapq
from typing import List


class Solution:
    def mergeLogs(self, logs: List[List[int]]) -> List[int]:
        heap = [(log[0], g, 0) for g, log in enumerate(logs) if log]
        heapq.heapify(heap)
        merged = []
        while heap:
            value, g, i = heap[0]
            merged.append(value)
            if i + 1 < len(logs[g]):
                heapq.heapreplace(heap, (logs[g][i + 1], g, i + 1))
            else:
                heapq.heappop(heap)
        return merged
