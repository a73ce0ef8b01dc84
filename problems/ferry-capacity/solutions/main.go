func minFerryCapacity(crates []int, trips int) int {
	low, high := 0, 0
	for _, w := range crates {
		if w > low {
			low = w
		}
		high += w
	}
	enough := func(capacity int) bool {
		used, load := 1, 0
		for _, w := range crates {
			if load+w > capacity {
				used++
				if used > trips {
					return false
				}
				load = 0
			}
			load += w
		}
		return true
	}
	for low < high {
		mid := low + (high-low)/2
		if enough(mid) {
			high = mid
		} else {
			low = mid + 1
		}
	}
	return low
}
