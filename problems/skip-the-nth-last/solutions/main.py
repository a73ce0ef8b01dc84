class Solution:
    def dropNthLast(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        dummy = ListNode(0, head)
        lead = trail = dummy
        for _ in range(n):
            lead = lead.next
        while lead.next is not None:
            lead = lead.next
            trail = trail.next
        trail.next = trail.next.next
        return dummy.next
