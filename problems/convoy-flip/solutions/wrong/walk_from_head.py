# Finds every wagon by walking from the locomotive again: quadratic in the train length.
class Solution:
    def flipConvoy(self, head: Optional[ListNode], k: int) -> Optional[ListNode]:
        def wagon_at(i):
            node = head
            for _ in range(i):
                node = node.next
            return node

        n = 0
        node = head
        while node is not None:
            n += 1
            node = node.next
        order = []
        full = n // k * k
        for start in range(0, full, k):
            order.extend(range(start + k - 1, start - 1, -1))
        order.extend(range(full, n))
        values = [wagon_at(i).val for i in order]
        dummy = ListNode(0)
        tail = dummy
        for v in values:
            tail.next = ListNode(v)
            tail = tail.next
        return dummy.next
