class Solution:
    def longestWalk(self, root: Optional[TreeNode]) -> int:
        # Iterative post-order: rooms_below[node] = rooms on the deepest path from node down.
        best = 0
        rooms_below = {None: 0}
        stack = [(root, False)] if root else []
        while stack:
            node, children_done = stack.pop()
            if children_done:
                left = rooms_below[node.left]
                right = rooms_below[node.right]
                best = max(best, left + right)
                rooms_below[node] = 1 + max(left, right)
            else:
                stack.append((node, True))
                if node.left:
                    stack.append((node.left, False))
                if node.right:
                    stack.append((node.right, False))
        return best
