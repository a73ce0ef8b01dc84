# Builds the staircase one step at a time: up to 1.4 * 10^9 iterations.
class Solution:
    def fullSteps(self, blocks: int) -> int:
        steps = 0
        while blocks >= steps + 1:
            steps += 1
            blocks -= steps
        return steps
