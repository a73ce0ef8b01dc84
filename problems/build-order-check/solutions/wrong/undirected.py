# Looks for a cycle while ignoring the direction of the arrows (union-find): a diamond such as
# 3 needs 1 and 2, both need 0, is wrongly reported as impossible.
class Solution:
    def canBuildAll(self, modules: int, needs: List[List[int]]) -> bool:
        parent = list(range(modules))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        seen = set()
        for a, b in needs:
            if (a, b) in seen:
                continue
            seen.add((a, b))
            ra, rb = find(a), find(b)
            if ra == rb:
                return False
            parent[ra] = rb
        return True
