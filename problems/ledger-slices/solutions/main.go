func countSlices(entries []int, target int) int {
	seen := map[int]int{0: 1}
	running, count := 0, 0
	for _, e := range entries {
		running += e
		count += seen[running-target]
		seen[running]++
	}
	return count
}
