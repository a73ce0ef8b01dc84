// Appends freshly touched 1 MiB slices until something stops it.
package main

import "os"

func main() {
	os.Stdout.WriteString("allocating\n")
	var hoard [][]byte
	for {
		block := make([]byte, 1<<20)
		for i := 0; i < len(block); i += 4096 {
			block[i] = 1
		}
		hoard = append(hoard, block)
	}
}
