// Command nativebench times native card.Call on the request read from stdin
// and prints the median microseconds per call of nine rounds, for the JS
// benchmark's wasm/native ratio (measured in the same run).
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/wxcard/wxcard/wasm/card"
)

func main() {
	op := os.Args[1]
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var rounds []float64
	for r := 0; r < 9; r++ {
		n, start := 0, time.Now()
		for time.Since(start) < 200*time.Millisecond {
			card.Call(op, in)
			n++
		}
		rounds = append(rounds, float64(time.Since(start).Microseconds())/float64(n))
	}
	slices.Sort(rounds)
	fmt.Printf("%.3f\n", rounds[len(rounds)/2])
}
