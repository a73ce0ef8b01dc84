func syncTime(periods []int) int {
	const mod = 1000000007
	exponent := map[int]int{}
	seen := map[int]bool{}
	for _, x := range periods {
		if seen[x] {
			continue
		}
		seen[x] = true
		for d := 2; d*d <= x; {
			if x%d == 0 {
				e := 0
				for x%d == 0 {
					x /= d
					e++
				}
				if e > exponent[d] {
					exponent[d] = e
				}
			}
			if d == 2 {
				d++
			} else {
				d += 2
			}
		}
		if x > 1 && exponent[x] < 1 {
			exponent[x] = 1
		}
	}
	result := 1
	for p, e := range exponent {
		for i := 0; i < e; i++ {
			result = result * p % mod
		}
	}
	return result
}
