# The right recurrence without remembering results: exponential time.
class Solution:
    def fewestStamps(self, denominations: List[int], postage: int) -> int:
        values = sorted(set(denominations), reverse=True)

        def fewest(amount):
            if amount == 0:
                return 0
            result = None
            for d in values:
                if d <= amount:
                    sub = fewest(amount - d)
                    if sub is not None and (result is None or sub + 1 < result):
                        result = sub + 1
            return result

        answer = fewest(postage)
        return -1 if answer is None else answer
