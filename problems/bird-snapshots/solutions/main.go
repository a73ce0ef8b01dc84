import "sort"

func minSnapshots(visits [][]int) int {
	sort.Slice(visits, func(a, b int) bool { return visits[a][1] < visits[b][1] })
	shots, last := 0, -1
	for _, v := range visits {
		if v[0] > last {
			shots++
			last = v[1]
		}
	}
	return shots
}
