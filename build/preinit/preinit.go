package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// globalDef is one defined global: its value type and mutability.
type globalDef struct {
	valType byte
	mutable bool
}

type layout struct {
	importedFuncs   uint32
	importedGlobals uint32
	funcs           uint32 // defined functions
	globals         []globalDef
}

func readLayout(m *module) (layout, error) {
	var l layout
	r := &reader{b: m.section(secImport)}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		r.name()
		r.name()
		switch kind := r.byte(); kind {
		case kindFunc:
			r.u32()
			l.importedFuncs++
		case kindGlobal:
			r.byte()
			r.byte()
			l.importedGlobals++
		default:
			// Tables and memories the guest imports would need their state
			// captured too; Go's modules import neither.
			return l, fmt.Errorf("the module imports a %s; only functions and globals are supported", kindName(kind))
		}
	}
	r2 := &reader{b: m.section(secFunction)}
	l.funcs = r2.u32()
	r3 := &reader{b: m.section(secGlobal)}
	for n := r3.u32(); n > 0 && r3.err == nil; n-- {
		g := globalDef{valType: r3.byte(), mutable: r3.byte() == 1}
		skipConstExpr(r3)
		l.globals = append(l.globals, g)
	}
	return l, errors.Join(r.err, r2.err, r3.err)
}

func kindName(k byte) string {
	switch k {
	case kindTable:
		return "table"
	case kindMemory:
		return "memory"
	}
	return fmt.Sprintf("kind %d", k)
}

func skipConstExpr(r *reader) {
	for r.err == nil {
		switch op := r.byte(); op {
		case 0x0b:
			return
		case 0x41, 0x42:
			r.sleb()
		case 0x43:
			r.bytes(4)
		case 0x44:
			r.bytes(8)
		case 0x23:
			r.u32()
		default:
			r.fail(fmt.Sprintf("unsupported constant instruction 0x%02x", op))
		}
	}
}

func globalExport(i int) string { return fmt.Sprintf("preinit.global.%d", i) }

// withGlobalExports returns m's bytes with every mutable defined global
// exported, so the snapshot can read their values after initialization.
func withGlobalExports(m *module, l layout) []byte {
	r := &reader{b: m.section(secExport)}
	n := r.u32()
	rest := r.b[r.off:]
	var extra []byte
	added := uint32(0)
	for i, g := range l.globals {
		if g.mutable {
			extra = appendName(extra, globalExport(i))
			extra = append(extra, kindGlobal)
			extra = appendU32(extra, l.importedGlobals+uint32(i))
			added++
		}
	}
	c := &module{sections: append([]section(nil), m.sections...)}
	c.replace(secExport, append(append(appendU32(nil, n+added), rest...), extra...))
	return c.encode()
}

// snapshot is the state of an instance after _initialize.
type snapshot struct {
	memory  []byte
	globals map[int]uint64 // by defined-global index
}

// initialize runs _initialize in a deterministic world: wazero's default
// clocks and random source are fixed fakes, and the guest gets no files,
// arguments or environment. The same module bytes therefore always give the
// same snapshot.
func initialize(ctx context.Context, m *module, l layout) (snapshot, error) {
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer rt.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, rt)
	var out bytes.Buffer
	cfg := wazero.NewModuleConfig().WithStartFunctions().WithStdout(&out).WithStderr(&out)
	mod, err := rt.InstantiateWithConfig(ctx, withGlobalExports(m, l), cfg)
	if err != nil {
		return snapshot{}, fmt.Errorf("instantiate: %w", err)
	}
	init := mod.ExportedFunction("_initialize")
	if init == nil {
		return snapshot{}, errors.New("the module exports no _initialize (build it with -buildmode=c-shared)")
	}
	if _, err := init.Call(ctx); err != nil {
		return snapshot{}, fmt.Errorf("_initialize: %w (output: %q)", err, out.String())
	}
	if out.Len() > 0 {
		return snapshot{}, fmt.Errorf("_initialize wrote output: %q", out.String())
	}
	mem := mod.Memory()
	if mem == nil {
		return snapshot{}, errors.New("the module exports no memory")
	}
	b, ok := mem.Read(0, mem.Size())
	if !ok {
		return snapshot{}, errors.New("cannot read memory")
	}
	s := snapshot{memory: bytes.Clone(b), globals: map[int]uint64{}}
	for i, g := range l.globals {
		if g.mutable {
			s.globals[i] = mod.ExportedGlobal(globalExport(i)).Get()
		}
	}
	return s, nil
}

// maxGap is the longest run of unchanged bytes kept inside a data segment:
// a new segment costs about this much (flags, offset expression, length).
const maxGap = 8

// dataSection keeps the module's own segments and appends one for each run
// of bytes _initialize changed: active segments are written in order, so the
// later ones win. Initialization changes a few kilobytes in scattered places;
// re-encoding the whole memory would cost more.
func dataSection(m *module, mem []byte) (payload []byte, count uint32, err error) {
	r := &reader{b: m.section(secData)}
	count = r.u32()
	first := r.off
	orig := make([]byte, len(mem))
	for i := uint32(0); i < count && r.err == nil; i++ {
		if flags := r.byte(); flags != 0 {
			return nil, 0, fmt.Errorf("data segment %d: unsupported flags 0x%02x", i, flags)
		}
		if op := r.byte(); op != 0x41 {
			return nil, 0, fmt.Errorf("data segment %d: offset is not i32.const", i)
		}
		off := uint32(r.sleb())
		r.byte()
		d := r.bytes(int(r.u32()))
		if uint64(off)+uint64(len(d)) > uint64(len(orig)) {
			return nil, 0, fmt.Errorf("data segment %d lies outside memory", i)
		}
		copy(orig[off:], d)
	}
	if r.err != nil {
		return nil, 0, r.err
	}
	segs := append([]byte(nil), r.b[first:]...)
	i := 0
	for {
		for i < len(mem) && mem[i] == orig[i] {
			i++
		}
		if i == len(mem) {
			break
		}
		start, end := i, i+1
		for j := i + 1; j < len(mem) && j-end <= maxGap; j++ {
			if mem[j] != orig[j] {
				end = j + 1
			}
		}
		segs = append(segs, 0x00, 0x41)
		segs = appendSleb(segs, int64(int32(uint32(start))))
		segs = append(segs, 0x0b)
		segs = appendU32(segs, uint32(end-start))
		segs = append(segs, mem[start:end]...)
		count++
		i = end
	}
	return append(appendU32(nil, count), segs...), count, nil
}

func globalSection(m *module, l layout, s snapshot) ([]byte, error) {
	r := &reader{b: m.section(secGlobal)}
	n := r.u32()
	out := appendU32(nil, n)
	for i := 0; i < int(n); i++ {
		start := r.off
		r.byte()
		r.byte()
		exprStart := r.off
		skipConstExpr(r)
		if r.err != nil {
			return nil, r.err
		}
		out = append(out, r.b[start:exprStart]...)
		g := l.globals[i]
		if !g.mutable {
			out = append(out, r.b[exprStart:r.off]...)
			continue
		}
		v := s.globals[i]
		switch g.valType {
		case 0x7f:
			out = appendSleb(append(out, 0x41), int64(int32(uint32(v))))
		case 0x7e:
			out = appendSleb(append(out, 0x42), int64(v))
		case 0x7d:
			out = binary.LittleEndian.AppendUint32(append(out, 0x43), uint32(v))
		case 0x7c:
			out = binary.LittleEndian.AppendUint64(append(out, 0x44), v)
		default:
			return nil, fmt.Errorf("global %d has unsupported type 0x%02x", i, g.valType)
		}
		out = append(out, 0x0b)
	}
	return out, nil
}

func memorySection(m *module, pages uint32) ([]byte, error) {
	r := &reader{b: m.section(secMemory)}
	if r.u32() != 1 {
		return nil, errors.New("the module must define exactly one memory")
	}
	flags := r.byte()
	r.u32()
	out := append(appendU32(nil, 1), flags)
	out = appendU32(out, pages)
	switch flags {
	case 0:
	case 1:
		out = appendU32(out, r.u32())
	default:
		return nil, fmt.Errorf("unsupported memory limits flags 0x%02x", flags)
	}
	return out, r.err
}

// noopInitialize adds a function of type [] -> [] with an empty body and
// points the _initialize export at it: the work it did is in the snapshot.
func noopInitialize(m *module, l layout) error {
	tr := &reader{b: m.section(secType)}
	nt := tr.u32()
	typeIdx := uint32(math.MaxUint32)
	for i := uint32(0); i < nt && tr.err == nil; i++ {
		tr.byte()
		np := tr.u32()
		tr.bytes(int(np))
		nr := tr.u32()
		tr.bytes(int(nr))
		if np == 0 && nr == 0 && typeIdx == math.MaxUint32 {
			typeIdx = i
		}
	}
	if tr.err != nil {
		return tr.err
	}
	if typeIdx == math.MaxUint32 {
		typeIdx = nt
		m.replace(secType, append(append(appendU32(nil, nt+1), tr.b[len(appendU32(nil, nt)):]...), 0x60, 0, 0))
	}
	fn := l.importedFuncs + l.funcs
	fr := &reader{b: m.section(secFunction)}
	fr.u32()
	m.replace(secFunction, appendU32(append(appendU32(nil, l.funcs+1), fr.b[fr.off:]...), typeIdx))
	cr := &reader{b: m.section(secCode)}
	if cr.u32() != l.funcs {
		return errors.New("code and function sections disagree")
	}
	m.replace(secCode, append(append(appendU32(nil, l.funcs+1), cr.b[cr.off:]...), 0x02, 0x00, 0x0b))

	er := &reader{b: m.section(secExport)}
	ne := er.u32()
	out := appendU32(nil, ne)
	found := false
	for i := uint32(0); i < ne && er.err == nil; i++ {
		name := er.name()
		kind := er.byte()
		idx := er.u32()
		if name == "_initialize" && kind == kindFunc {
			idx = fn
			found = true
		}
		out = appendU32(append(appendName(out, name), kind), idx)
	}
	if er.err != nil {
		return er.err
	}
	if !found {
		return errors.New("no _initialize export")
	}
	m.replace(secExport, out)
	return nil
}

// Preinit returns wasm with its _initialize already run: memory and globals
// as they stand afterwards become the module's data and global initializers,
// and _initialize becomes a no-op.
func Preinit(ctx context.Context, wasm []byte) ([]byte, error) {
	m, err := parseModule(wasm)
	if err != nil {
		return nil, err
	}
	l, err := readLayout(m)
	if err != nil {
		return nil, err
	}
	s, err := initialize(ctx, m, l)
	if err != nil {
		return nil, err
	}
	gs, err := globalSection(m, l, s)
	if err != nil {
		return nil, err
	}
	ms, err := memorySection(m, uint32(len(s.memory)/65536))
	if err != nil {
		return nil, err
	}
	ds, count, err := dataSection(m, s.memory)
	if err != nil {
		return nil, err
	}
	m.replace(secGlobal, gs)
	m.replace(secMemory, ms)
	m.replace(secData, ds)
	if m.section(secDataCnt) != nil {
		m.replace(secDataCnt, appendU32(nil, count))
	}
	if err := noopInitialize(m, l); err != nil {
		return nil, err
	}
	return m.encode(), nil
}
