from typing import List


class Solution:
    # Keys each word by the set of letters it uses, forgetting how often each appears:
    # "lop" lands in the club of "pool".
    def groupScrambles(self, words: List[str]) -> List[List[str]]:
        clubs = {}
        for w in words:
            clubs.setdefault("".join(sorted(set(w))), []).append(w)
        return [sorted(club) for club in clubs.values()]
