class Solution:
    def longestStretch(self, stalls: str, kinds: int) -> int:
        count = [0] * 26
        distinct = 0
        left = 0
        best = 0
        codes = [ord(c) - 97 for c in stalls]
        for right, c in enumerate(codes):
            if count[c] == 0:
                distinct += 1
            count[c] += 1
            while distinct > kinds:
                d = codes[left]
                count[d] -= 1
                if count[d] == 0:
                    distinct -= 1
                left += 1
            if right - left + 1 > best:
                best = right - left + 1
        return best
