class Solution:
    def repairCost(self, typed: str, intended: str) -> int:
        m = len(intended)
        previous = list(range(m + 1))  # the empty prefix of typed: j insertions
        for i, letter in enumerate(typed, 1):
            current = [i] + [0] * m  # i deletions to reach the empty prefix
            for j in range(1, m + 1):
                if letter == intended[j - 1]:
                    current[j] = previous[j - 1]
                else:
                    replace, delete, insert = previous[j - 1], previous[j], current[j - 1]
                    current[j] = 1 + min(replace, delete, insert)
            previous = current
        return previous[m]
