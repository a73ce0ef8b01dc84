# Walks the whole chart once per floor, collecting only the people at that depth.
class Solution:
    def floorsOf(self, root: Optional[TreeNode]) -> List[List[int]]:
        floors = []
        depth = 0
        while True:
            floor = []
            stack = [(root, 0)] if root else []
            while stack:
                person, d = stack.pop()
                if d == depth:
                    floor.append(person.val)
                if person.right:
                    stack.append((person.right, d + 1))
                if person.left:
                    stack.append((person.left, d + 1))
            if not floor:
                return floors
            floors.append(floor)
            depth += 1
