class Solution {
    public ListNode dropNthLast(ListNode head, long n) {
        ListNode dummy = new ListNode(0);
        dummy.next = head;
        ListNode lead = dummy;
        ListNode trail = dummy;
        for (long i = 0; i < n; i++) {
            lead = lead.next;
        }
        while (lead.next != null) {
            lead = lead.next;
            trail = trail.next;
        }
        trail.next = trail.next.next;
        return dummy.next;
    }
}
