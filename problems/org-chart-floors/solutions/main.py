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
                if person.left:
                    queue.append(person.left)
                if person.right:
                    queue.append(person.right)
            floors.append(floor)
        return floors
