// Command preinit runs a reactor module's _initialize at build time and
// writes the module as it stands afterwards: the memory and mutable globals
// _initialize left become the module's data and global initializers, and the
// _initialize export becomes an empty function. build/wasm.sh runs it on the
// Go build of wasm/guest; wasm/ABI.md ("Pre-initialized") says what it means
// for hosts.
//
//	go run ./build/preinit in.wasm out.wasm
//
// It handles what Go's wasip1 modules use: one defined memory, active data
// segments at constant offsets, constant global initializers, and imports
// of functions only. Initialization runs under wazero's fake clocks and
// fixed random source, so the same input always gives the same output.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: preinit in.wasm out.wasm")
		os.Exit(2)
	}
	in, err := os.ReadFile(os.Args[1])
	if err == nil {
		var out []byte
		out, err = Preinit(context.Background(), in)
		if err == nil {
			err = os.WriteFile(os.Args[2], out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "preinit:", err)
		os.Exit(1)
	}
}
