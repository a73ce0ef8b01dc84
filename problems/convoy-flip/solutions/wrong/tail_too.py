# Turns the short last block around too.
class Solution:
    def flipConvoy(self, head: Optional[ListNode], k: int) -> Optional[ListNode]:
        dummy = ListNode(0, head)
        before = dummy
        while before.next is not None:
            first = before.next
            last = first
            steps = 1
            while steps < k and last.next is not None:
                last = last.next
                steps += 1
            after = last.next
            prev, cur = after, first
            while cur is not after:
                nxt = cur.next
                cur.next = prev
                prev, cur = cur, nxt
            before.next = last
            before = first
        return dummy.next
