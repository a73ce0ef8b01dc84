import "sort"

func exactBundles(cards []int, target int) [][]int {
	sorted := append([]int(nil), cards...)
	sort.Ints(sorted)
	bundles := [][]int{}
	chosen := []int{}
	var extend func(start, missing int)
	extend = func(start, missing int) {
		if missing == 0 {
			bundles = append(bundles, append([]int(nil), chosen...))
			return
		}
		for i := start; i < len(sorted); i++ {
			if sorted[i] > missing {
				break
			}
			if i > start && sorted[i] == sorted[i-1] {
				continue
			}
			chosen = append(chosen, sorted[i])
			extend(i+1, missing-sorted[i])
			chosen = chosen[:len(chosen)-1]
		}
	}
	extend(0, target)
	return bundles
}
