class Solution:
    def tallyMatches(self, titles: List[str], typed: List[str]) -> List[int]:
        # Trie of dicts; each node keeps how many titles pass through it under the key "#".
        root = {"#": 0}
        for title in titles:
            node = root
            node["#"] += 1
            for letter in title:
                child = node.get(letter)
                if child is None:
                    child = node[letter] = {"#": 0}
                node = child
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
