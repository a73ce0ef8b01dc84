class Solution:
    # Tests every piece by reversing it: O(n^3).
    def longestMirror(self, strand: str) -> int:
        n = len(strand)
        best = 0
        for i in range(n):
            for j in range(i + 1, n + 1):
                piece = strand[i:j]
                if piece == piece[::-1] and j - i > best:
                    best = j - i
        return best
