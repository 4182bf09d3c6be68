// Command nativecall runs requests through the native Go core, so the JS
// tests can compare the wasm's bytes with native output. It reads a JSON
// array of {"op","input"} (input base64) on stdin and writes a JSON array
// of base64 outputs.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/wxcard/wxcard/wasm/card"
)

type request struct {
	Op    string `json:"op"`
	Input []byte `json:"input"`
}

func main() {
	var reqs []request
	if err := json.NewDecoder(os.Stdin).Decode(&reqs); err != nil {
		fmt.Fprintln(os.Stderr, "nativecall:", err)
		os.Exit(2)
	}
	outs := make([][]byte, len(reqs))
	for i, r := range reqs {
		outs[i] = card.Call(r.Op, r.Input)
	}
	if err := json.NewEncoder(os.Stdout).Encode(outs); err != nil {
		fmt.Fprintln(os.Stderr, "nativecall:", err)
		os.Exit(2)
	}
}
