class Solution:
    def pairWithSum(self, nums, target):
        seen = {}
        for j, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], j]
            seen.setdefault(x, j)
        return []
