class Solution:
    def longestMirror(self, strand: str) -> int:
        n = len(strand)
        best = 0
        for centre in range(2 * n - 1):
            left = centre // 2
            right = left + (centre & 1)
            while left >= 0 and right < n and strand[left] == strand[right]:
                left -= 1
                right += 1
            if right - left - 1 > best:
                best = right - left - 1
        return best
