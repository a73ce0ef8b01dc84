class Solution:
    def canBuildAll(self, modules: int, needs: List[List[int]]) -> bool:
        waiting = [0] * modules
        unlocks = [[] for _ in range(modules)]
        for a, b in needs:
            waiting[a] += 1
            unlocks[b].append(a)
        ready = [m for m in range(modules) if waiting[m] == 0]
        compiled = 0
        while ready:
            m = ready.pop()
            compiled += 1
            for other in unlocks[m]:
                waiting[other] -= 1
                if waiting[other] == 0:
                    ready.append(other)
        return compiled == modules
