class Solution:
    # Grows only around single beads: misses every even-length piece such as "abba".
    def longestMirror(self, strand: str) -> int:
        n = len(strand)
        best = 0
        for mid in range(n):
            left = right = mid
            while left >= 0 and right < n and strand[left] == strand[right]:
                left -= 1
                right += 1
            best = max(best, right - left - 1)
        return best
