class Solution:
    def flipConvoy(self, head: Optional[ListNode], k: int) -> Optional[ListNode]:
        dummy = ListNode(0, head)
        before = dummy
        while True:
            last = before
            for _ in range(k):
                last = last.next
                if last is None:
                    return dummy.next
            first = before.next
            after = last.next
            prev, cur = after, first
            while cur is not after:
                nxt = cur.next
                cur.next = prev
                prev, cur = cur, nxt
            before.next = last
            before = first
