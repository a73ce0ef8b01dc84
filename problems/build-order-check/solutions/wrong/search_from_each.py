# From every module, searches everything it depends on to see whether it comes back to itself:
# modules times dependencies work.
class Solution:
    def canBuildAll(self, modules: int, needs: List[List[int]]) -> bool:
        depends = [[] for _ in range(modules)]
        for a, b in needs:
            depends[a].append(b)
        for start in range(modules):
            seen = [False] * modules
            stack = list(depends[start])
            while stack:
                m = stack.pop()
                if m == start:
                    return False
                if not seen[m]:
                    seen[m] = True
                    stack.extend(depends[m])
        return True
