package host

import "github.com/tetratelabs/wazero/experimental"

// minMemoryCapacity is the backing capacity a guest starts with. A healthy
// instance settles at 7–8 MiB, so most never grow past it.
const minMemoryCapacity = 8 << 20

// memoryAllocator backs each guest's linear memory with a []byte that grows
// by doubling. wazero's default grows it by exactly the pages asked for, and
// the Go runtime in the guest grows its heap in many small steps while it
// starts, so every step copied the whole memory again: that made
// instantiation ~3× slower, which a fresh process pays before its first
// answer. Reserving the full memory limit up front would avoid the copies
// too, but would charge every instance the whole limit in the host's heap.
var memoryAllocator = experimental.MemoryAllocatorFunc(func(capacity, limit uint64) experimental.LinearMemory {
	return &linearMemory{buf: make([]byte, 0, min(max(capacity, minMemoryCapacity), limit)), limit: limit}
})

type linearMemory struct {
	buf   []byte
	limit uint64
}

// Reallocate returns the memory at size bytes with its contents kept, or nil
// past the limit (the guest's memory.grow then fails).
func (m *linearMemory) Reallocate(size uint64) []byte {
	if size > m.limit {
		return nil
	}
	if size <= uint64(cap(m.buf)) {
		m.buf = m.buf[:size] // bytes past the old length are still zero
		return m.buf
	}
	grown := make([]byte, size, min(max(2*uint64(cap(m.buf)), size), m.limit))
	copy(grown, m.buf)
	m.buf = grown
	return grown
}

func (m *linearMemory) Free() { m.buf = nil }
