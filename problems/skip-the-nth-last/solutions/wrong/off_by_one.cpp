// Starts the lead pointer one step too far: removes the (n+1)-th last song.
class Solution {
public:
    ListNode* dropNthLast(ListNode* head, long long n) {
        ListNode dummy(0);
        dummy.next = head;
        ListNode* lead = &dummy;
        ListNode* trail = &dummy;
        for (long long i = 0; i < n; i++) lead = lead->next;
        while (lead != nullptr && lead->next != nullptr && lead->next->next != nullptr) {
            lead = lead->next;
            trail = trail->next;
        }
        trail->next = trail->next->next;
        return dummy.next;
    }
};
