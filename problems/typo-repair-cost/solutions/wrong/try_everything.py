# The recurrence without a table: every pair of suffixes is recomputed again and again.
class Solution:
    def repairCost(self, typed: str, intended: str) -> int:
        def cost(i, j):
            if i == len(typed):
                return len(intended) - j
            if j == len(intended):
                return len(typed) - i
            if typed[i] == intended[j]:
                return cost(i + 1, j + 1)
            return 1 + min(cost(i + 1, j + 1), cost(i + 1, j), cost(i, j + 1))

        return cost(0, 0)
