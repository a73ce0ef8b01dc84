from typing import List


class Solution:
    # Compares each word with the first word of every club found so far: O(n^2) comparisons.
    def groupScrambles(self, words: List[str]) -> List[List[str]]:
        clubs = []
        for w in words:
            for club in clubs:
                if sorted(club[0]) == sorted(w):
                    club.append(w)
                    break
            else:
                clubs.append([w])
        return [sorted(club) for club in clubs]
