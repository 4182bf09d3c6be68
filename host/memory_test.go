package host

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinearMemory(t *testing.T) {
	m := memoryAllocator.Allocate(64<<10, 64<<20).(*linearMemory)
	assert.Equal(t, minMemoryCapacity, cap(m.buf), "starts with room for a settled guest")

	b := m.Reallocate(2 << 20)
	require.Len(t, b, 2<<20)
	b[0], b[len(b)-1] = 1, 2
	b = m.Reallocate(3 << 20)
	require.Len(t, b, 3<<20)
	assert.Equal(t, byte(2), b[2<<20-1])
	assert.Zero(t, b[2<<20], "new pages are zero")

	b = m.Reallocate(9 << 20) // past the capacity: doubles
	require.Len(t, b, 9<<20)
	assert.Equal(t, 16<<20, cap(b))
	assert.Equal(t, byte(1), b[0], "contents survive a move")
	assert.Equal(t, byte(2), b[2<<20-1])

	b = m.Reallocate(40 << 20)
	assert.Equal(t, 40<<20, cap(b), "a big step gets exactly what it asks")
	b = m.Reallocate(41 << 20)
	assert.Equal(t, 41<<20, len(b))
	assert.Equal(t, 64<<20, cap(b), "doubling stops at the limit")
	assert.Nil(t, m.Reallocate(64<<20+1), "past the limit the guest's grow fails")

	m.Free()
	assert.Nil(t, m.buf)
}
