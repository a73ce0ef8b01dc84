# Only considers walks that pass through the entrance hall.
class Solution:
    def longestWalk(self, root: Optional[TreeNode]) -> int:
        def rooms(node):
            if node is None:
                return 0
            return 1 + max(rooms(node.left), rooms(node.right))

        if root is None:
            return 0
        return rooms(root.left) + rooms(root.right)
