func warmestStretch(temps []int, k int) float64 {
	window := 0
	for _, t := range temps[:k] {
		window += t
	}
	best := window
	for i := k; i < len(temps); i++ {
		window += temps[i] - temps[i-k]
		if window > best {
			best = window
		}
	}
	return float64(best) / float64(k)
}
