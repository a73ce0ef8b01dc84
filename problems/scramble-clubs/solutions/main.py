from typing import List


class Solution:
    def groupScrambles(self, words: List[str]) -> List[List[str]]:
        clubs = {}
        for w in words:
            clubs.setdefault("".join(sorted(w)), []).append(w)
        return [sorted(club) for club in clubs.values()]
