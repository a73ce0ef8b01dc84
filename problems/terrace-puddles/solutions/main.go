func puddleVolume(heights []int) int {
	left, right := 0, len(heights)-1
	leftMax, rightMax, water := 0, 0, 0
	for left <= right {
		if leftMax <= rightMax {
			h := heights[left]
			if h > leftMax {
				leftMax = h
			} else {
				water += leftMax - h
			}
			left++
		} else {
			h := heights[right]
			if h > rightMax {
				rightMax = h
			} else {
				water += rightMax - h
			}
			right--
		}
	}
	return water
}
