func mergeLanes(first *ListNode, second *ListNode) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for first != nil && second != nil {
		if first.Val <= second.Val {
			tail.Next = first
			first = first.Next
		} else {
			tail.Next = second
			second = second.Next
		}
		tail = tail.Next
	}
	if first != nil {
		tail.Next = first
	} else {
		tail.Next = second
	}
	return dummy.Next
}
