# Recomputes the height of both subtrees at every room from scratch: rooms x levels work.
class Solution:
    def longestWalk(self, root: Optional[TreeNode]) -> int:
        def rooms(node):
            if node is None:
                return 0
            return 1 + max(rooms(node.left), rooms(node.right))

        best = 0
        stack = [root] if root else []
        while stack:
            node = stack.pop()
            best = max(best, rooms(node.left) + rooms(node.right))
            if node.left:
                stack.append(node.left)
            if node.right:
                stack.append(node.right)
        return best
