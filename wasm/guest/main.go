//go:build wasip1

// Command guest is the WebAssembly face of the core: a reactor module
// (-buildmode=c-shared) whose exports move bytes in and out of card.Call.
// The ABI is documented in ../ABI.md.
package main

import (
	"unsafe"

	"github.com/wxcard/wxcard/wasm/card"
)

// abiVersion changes whenever an export's meaning changes.
const abiVersion = 1

// blocks keeps every block handed to the host reachable, so the GC never
// frees memory the host still writes to or reads from. A slice, not a map:
// hosts hold one or two blocks at a time, and the module then links no map
// code.
var blocks [][]byte

// caller runs every call, reusing its buffers, so steady-state calls
// allocate almost nothing in the guest (allocation and GC are dear in wasm).
// It is seeded from the host on the first call (see seedCaller).
var (
	caller card.Caller
	seeded bool
)

// lastBlock (at lastBase) held the last call's input; nil once freed.
var (
	lastBase  uint32
	lastBlock []byte
)

// last is the output of the previous call; it stays valid until the next call.
var last []byte

func main() {}

// init grows the stack of the goroutine that runs every export, so that the
// pre-initialized module (build/preinit) ships it at 32 KB, enough for the
// first call of every op in tests/vectors. Otherwise the first call grows
// it, which runs the runtime's stack copying and its tables: 36 of the 158
// functions a first validateCardList touches, code that V8 must compile
// first (measured: ~14 ms of a fresh Node process).
func init() { stackMark = growStack(stackMark) }

// stackMark keeps growStack's frame from being optimized away.
var stackMark int

// growStack has a 24 KB frame, which Go zeroes: the stack it leaves costs
// the module almost no data (~1.5 KB).
//
//go:noinline
func growStack(i int) int {
	var b [24 << 10]byte
	b[i] = 1
	return int(b[len(b)-1-i]) + i
}

//go:wasmexport wxcard_abi_version
func wxcardABIVersion() uint32 { return abiVersion }

//go:wasmexport wxcard_alloc
func wxcardAlloc(size uint32) uint32 {
	if size == 0 {
		size = 1
	}
	b := make([]byte, size)
	blocks = append(blocks, b)
	return base(b)
}

//go:wasmexport wxcard_free
func wxcardFree(ptr uint32) {
	for i, b := range blocks {
		if base(b) == ptr {
			last := len(blocks) - 1
			blocks[i], blocks[last] = blocks[last], nil
			blocks = blocks[:last]
			break
		}
	}
	if ptr == lastBase {
		lastBlock = nil
	}
}

func base(b []byte) uint32 { return uint32(uintptr(unsafe.Pointer(&b[0]))) }

// wxcard_call runs op on input and returns ptr<<32|len of the output, which
// stays valid until the next wxcard_call.
//
//go:wasmexport wxcard_call
func wxcardCall(opPtr, opLen, inPtr, inLen uint32) uint64 {
	if !seeded {
		seedCaller()
	}
	op := card.OpName(bytesAt(opPtr, opLen))
	in := bytesAt(inPtr, inLen)
	last = caller.Call(op, in)
	if len(last) == 0 {
		return 0
	}
	return uint64(uint32(uintptr(unsafe.Pointer(&last[0]))))<<32 | uint64(len(last))
}

// bytesAt is the n bytes at ptr, which must lie inside one live block from
// wxcard_alloc. Finding that block, rather than turning the address into a
// pointer, keeps the GC's view exact and turns a host bug (a freed or made-up
// address) into a clear trap instead of a read of arbitrary memory.
func bytesAt(ptr, n uint32) []byte {
	if n == 0 {
		return nil
	}
	// Hosts keep one block for op and input: look there before walking the
	// list.
	if b := lastBlock; b != nil && ptr >= lastBase && uint64(ptr-lastBase)+uint64(n) <= uint64(len(b)) {
		off := ptr - lastBase
		return b[off : off+n : off+n]
	}
	for _, b := range blocks {
		if at := base(b); ptr >= at && uint64(ptr-at)+uint64(n) <= uint64(len(b)) {
			off := ptr - at
			lastBase, lastBlock = at, b
			return b[off : off+n : off+n]
		}
	}
	panic("wxcard_call: op or input is not inside a block from wxcard_alloc")
}

// seedCaller keys the caller's hash with eight bytes from the host's
// random_get. The Go runtime's own random state cannot serve: the build runs
// _initialize once and ships the resulting memory (build/preinit), so that
// state is the same in every instance. A failing random_get leaves the seed
// to the runtime.
func seedCaller() {
	seeded = true
	var b [8]byte
	if randomGet(unsafe.Pointer(&b[0]), uint32(len(b))) != 0 {
		return
	}
	var s uint64
	for i, c := range b {
		s |= uint64(c) << (8 * i)
	}
	caller.SetSeed(s | 1)
}

//go:wasmimport wasi_snapshot_preview1 random_get
//go:noescape
func randomGet(buf unsafe.Pointer, n uint32) uint32
