# Builds the trie from the set of titles, so editions of the same title are counted once.
class Solution:
    def tallyMatches(self, titles: List[str], typed: List[str]) -> List[int]:
        root = {"#": 0}
        for title in set(titles):
            node = root
            node["#"] += 1
            for letter in title:
                node = node.setdefault(letter, {"#": 0})
                node["#"] += 1
        answers = []
        for text in typed:
            node = root
            for letter in text:
                node = node.get(letter)
                if node is None:
                    break
            answers.append(node["#"] if node is not None else 0)
        return answers
