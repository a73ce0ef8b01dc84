# Only inserts and deletes (a replacement then costs two repairs): len + len - 2 * LCS.
class Solution:
    def repairCost(self, typed: str, intended: str) -> int:
        m = len(intended)
        previous = [0] * (m + 1)
        for letter in typed:
            current = [0] * (m + 1)
            for j in range(1, m + 1):
                if letter == intended[j - 1]:
                    current[j] = previous[j - 1] + 1
                else:
                    current[j] = max(previous[j], current[j - 1])
            previous = current
        return len(typed) + m - 2 * previous[m]
