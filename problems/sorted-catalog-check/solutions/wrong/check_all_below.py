# For every entry, scans its whole left and right subtrees: entries x levels work.
class Solution:
    def isSortedCatalog(self, root: Optional[TreeNode]) -> bool:
        def all_codes(node, ok):
            stack = [node] if node else []
            while stack:
                n = stack.pop()
                if not ok(n.val):
                    return False
                if n.left:
                    stack.append(n.left)
                if n.right:
                    stack.append(n.right)
            return True

        stack = [root] if root else []
        while stack:
            node = stack.pop()
            v = node.val
            if not all_codes(node.left, lambda c: c < v) or not all_codes(node.right, lambda c: c > v):
                return False
            if node.left:
                stack.append(node.left)
            if node.right:
                stack.append(node.right)
        return True
