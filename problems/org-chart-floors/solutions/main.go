func floorsOf(root *TreeNode) [][]int {
	floors := [][]int{}
	if root == nil {
		return floors
	}
	current := []*TreeNode{root}
	for len(current) > 0 {
		floor := make([]int, 0, len(current))
		next := []*TreeNode{}
		for _, person := range current {
			floor = append(floor, person.Val)
			if person.Left != nil {
				next = append(next, person.Left)
			}
			if person.Right != nil {
				next = append(next, person.Right)
			}
		}
		floors = append(floors, floor)
		current = next
	}
	return floors
}
