// Stops as soon as one lane is empty and forgets the passengers left in the other lane.
class Solution {
public:
    ListNode* mergeLanes(ListNode* first, ListNode* second) {
        ListNode dummy(0);
        ListNode* tail = &dummy;
        while (first != nullptr && second != nullptr) {
            if (first->val <= second->val) {
                tail->next = first;
                first = first->next;
            } else {
                tail->next = second;
                second = second->next;
            }
            tail = tail->next;
        }
        tail->next = nullptr;
        return dummy.next;
    }
};
