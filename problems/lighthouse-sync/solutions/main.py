from typing import List

MOD = 1_000_000_007


class Solution:
    def syncTime(self, periods: List[int]) -> int:
        exponent = {}
        for x in set(periods):
            d = 2
            while d * d <= x:
                if x % d == 0:
                    e = 0
                    while x % d == 0:
                        x //= d
                        e += 1
                    if e > exponent.get(d, 0):
                        exponent[d] = e
                d += 1 if d == 2 else 2
            if x > 1 and x not in exponent:
                exponent[x] = 1
        result = 1
        for p, e in exponent.items():
            result = result * pow(p, e, MOD) % MOD
        return result
