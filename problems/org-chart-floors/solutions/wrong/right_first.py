# Queues the right report before the left one: every floor comes out mirrored.
from collections import deque


class Solution:
    def floorsOf(self, root: Optional[TreeNode]) -> List[List[int]]:
        floors = []
        queue = deque([root] if root else [])
        while queue:
            floor = []
            for _ in range(len(queue)):
                person = queue.popleft()
                floor.append(person.val)
                if person.right:
                    queue.append(person.right)
                if person.left:
                    queue.append(person.left)
            floors.append(floor)
        return floors
