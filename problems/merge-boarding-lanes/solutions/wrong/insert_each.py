# Inserts the passengers of the second lane one by one, each time searching from the front:
# quadratic in the number of passengers.
class Solution:
    def mergeLanes(self, first: Optional[ListNode], second: Optional[ListNode]) -> Optional[ListNode]:
        dummy = ListNode(0, first)
        while second is not None:
            node, second = second, second.next
            spot = dummy
            while spot.next is not None and spot.next.val <= node.val:
                spot = spot.next
            node.next = spot.next
            spot.next = node
        return dummy.next
