package card

// cardDefs holds card definitions by cardId (options.cards and definition
// files): entries in the order first given, a later definition of the same
// id replacing the earlier, found through an open-addressing index by keyed
// hash. Not a Go map: the hash is keyed by the Caller's seed, which the wasm
// guest takes from its host (see Caller.SetSeed), and the module links no
// map code.
type cardDefs struct {
	seed  uint64
	ids   []string
	defs  []CardDef
	slots []int32 // 1 + an index into ids; 0: empty
}

func newCardDefs(seed uint64) *cardDefs { return &cardDefs{seed: seed} }

func (d *cardDefs) len() int { return len(d.ids) }

// set defines id, replacing an earlier definition.
func (d *cardDefs) set(id string, def CardDef) {
	if i := findDef(d, id); i >= 0 {
		d.defs[i] = def
		return
	}
	d.ids = append(d.ids, id)
	d.defs = append(d.defs, def)
	if 2*len(d.ids) <= len(d.slots) {
		d.place(len(d.ids) - 1)
		return
	}
	d.slots = make([]int32, tableSize(2*len(d.ids))) // room to double before the next rebuild
	for i := range d.ids {
		d.place(i)
	}
}

// merge sets every definition of o (which may be nil) in d.
func (d *cardDefs) merge(o *cardDefs) {
	if o == nil {
		return
	}
	for i, id := range o.ids {
		d.set(id, o.defs[i])
	}
}

func (d *cardDefs) place(i int) {
	mask := uint64(len(d.slots) - 1)
	for s := hashText(d.seed, d.ids[i]) & mask; ; s = (s + 1) & mask {
		if d.slots[s] == 0 {
			d.slots[s] = int32(i) + 1
			return
		}
	}
}

// get returns id's definition.
func (d *cardDefs) get(id []byte) (CardDef, bool) {
	if i := findDef(d, id); i >= 0 {
		return d.defs[i], true
	}
	return CardDef{}, false
}

// findDef is the index of id in d.ids, or -1.
func findDef[T text](d *cardDefs, id T) int {
	if len(d.slots) == 0 {
		return -1
	}
	mask := uint64(len(d.slots) - 1)
	for s := hashText(d.seed, id) & mask; ; s = (s + 1) & mask {
		j := int(d.slots[s]) - 1
		if j < 0 {
			return -1
		}
		if sameText(d.ids[j], id) {
			return j
		}
	}
}
