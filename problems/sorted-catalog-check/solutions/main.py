class Solution:
    def isSortedCatalog(self, root: Optional[TreeNode]) -> bool:
        # In-order walk: the codes must come out strictly increasing.
        stack = []
        node = root
        previous = None
        while stack or node:
            while node:
                stack.append(node)
                node = node.left
            node = stack.pop()
            if previous is not None and node.val <= previous:
                return False
            previous = node.val
            node = node.right
        return True
