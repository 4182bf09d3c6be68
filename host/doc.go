// Package host runs the wxcard WebAssembly module (package
// github.com/wxcard/wxcard/wasm) in wazero, so Go code can get exactly the
// answers Node and browsers get. Backends use it in tests to prove that the
// payloads they build pass the same checks their mini programs run.
//
// The module is compiled once per process — from a compilation cache on
// disk when it can, so even a new process answers within about a tenth of a
// second — and every later New only starts instances. Without cached code
// New does not wait the second the compiler takes: calls run on wazero's
// interpreter meanwhile (the same answers, slower), then on compiled
// instances; Close waits for that compile, so the cache fills. A Runtime serves calls
// from a pool of instances, one call per instance at a time. Every call
// takes JSON in and gives JSON out, byte-identical to card.Call; the typed
// methods (ValidateCardList, BuildAddCard, …) marshal the payload and decode
// the output for you.
//
// The guest gets real clocks and nothing else: no filesystem, environment
// or arguments. A guest that crashes (a trap, a panic, out of memory) fails
// only its own call with a *GuestError carrying the guest's stderr; its
// instance is thrown away and the next call gets a fresh one.
package host
