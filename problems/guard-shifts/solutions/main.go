package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
)

func main() {
	in := bufio.NewScanner(bufio.NewReaderSize(os.Stdin, 1<<16))
	in.Buffer(make([]byte, 1<<16), 1<<20)
	in.Split(bufio.ScanWords)
	next := func() int64 {
		in.Scan()
		v, _ := strconv.ParseInt(in.Text(), 10, 64)
		return v
	}
	n := int(next())
	shifts := make([][2]int64, n)
	for i := range shifts {
		shifts[i][0] = next()
		shifts[i][1] = next()
	}
	sort.Slice(shifts, func(a, b int) bool { return shifts[a][0] < shifts[b][0] })
	var periods, total int64
	start, end := shifts[0][0], shifts[0][1]
	for _, sh := range shifts[1:] {
		if sh[0] <= end {
			if sh[1] > end {
				end = sh[1]
			}
		} else {
			periods++
			total += end - start
			start, end = sh[0], sh[1]
		}
	}
	periods++
	total += end - start
	fmt.Println(periods, total)
}
