class Solution {
public:
    ListNode* flipConvoy(ListNode* head, long long k) {
        ListNode dummy(0);
        dummy.next = head;
        ListNode* before = &dummy;
        while (true) {
            ListNode* last = before;
            for (long long i = 0; i < k; i++) {
                last = last->next;
                if (last == nullptr) return dummy.next;
            }
            ListNode* first = before->next;
            ListNode* after = last->next;
            ListNode* prev = after;
            ListNode* cur = first;
            while (cur != after) {
                ListNode* next = cur->next;
                cur->next = prev;
                prev = cur;
                cur = next;
            }
            before->next = last;
            before = first;
        }
    }
};
