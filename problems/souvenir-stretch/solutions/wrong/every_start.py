class Solution:
    # Walks right from every starting stall until a kind too many appears: O(n^2) when
    # stretches are long.
    def longestStretch(self, stalls: str, kinds: int) -> int:
        n = len(stalls)
        best = 0
        for start in range(n):
            seen = set()
            end = start
            while end < n and (stalls[end] in seen or len(seen) < kinds):
                seen.add(stalls[end])
                end += 1
            best = max(best, end - start)
        return best
