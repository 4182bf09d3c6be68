package card

// The cli request's header, and lint over the files a host walked to.

// readCLI reads a cli request: its header and the bytes after it. The
// message, when not "", says what is wrong (a host's mistake).
func (c *checker) readCLI(input []byte) (r cliRequest, bad string) {
	t := c.t
	header, blob := splitCLI(input)
	d := t.addDoc(header, -1, -1)
	root, err := t.parse(d, 8)
	if err != nil || t.nodes[root].kind != kindObject {
		return r, "the header is not one line of a JSON object"
	}
	h := hdr{t: t, o: root, good: true}
	r.host, r.version, r.cwd = h.str("host"), h.str("version"), h.str("cwd")
	r.lang, r.noColor, r.forceColor = h.in("env").str("LANG"), h.in("env").str("NO_COLOR"), h.in("env").str("FORCE_COLOR")
	r.tty = h.flag("tty")
	r.maxInput = h.num("maxInput")
	if v := t.lookup(root, "args"); v >= 0 && t.nodes[v].kind == kindArray {
		for e := t.nodes[v].first; e >= 0; e = t.nodes[e].next {
			r.args = append(r.args, h.text(e))
		}
	} else if v >= 0 && t.nodes[v].kind != kindNull {
		h.good = false
	}
	var need []*cliEntry // entries whose bytes follow, in blob order
	if w := t.lookup(root, "walked"); w >= 0 {
		r.walked = true
		wh := h.in("walked")
		r.files, r.cards, r.over = wh.entries("files"), wh.entries("cards"), wh.num("over")
		h.good = h.good && wh.good
	}
	if v := t.lookup(root, "stdin"); v >= 0 {
		r.stdin = &cliEntry{}
		h.entry(v, r.stdin)
	}
	if !h.good || r.host != "go" && r.host != "npm" {
		return r, "a header key of the wrong type, or no host"
	}
	for i := range r.files {
		need = append(need, &r.files[i])
	}
	for i := range r.cards {
		need = append(need, &r.cards[i])
	}
	if r.stdin != nil {
		need = append(need, r.stdin)
	}
	for _, e := range need {
		if e.pathBytes+e.bytes > int64(len(blob)) {
			return r, "the header announces more bytes than follow it"
		}
		if e.pathBytes > 0 {
			e.path, blob = string(blob[:e.pathBytes]), blob[e.pathBytes:]
		}
		e.text, blob = blob[:e.bytes:e.bytes], blob[e.bytes:]
	}
	if len(blob) > 0 {
		return r, "more bytes follow the header than it announces"
	}
	return r, ""
}

// hdr reads the members of one header object; good turns false at the
// first member of the wrong type.
type hdr struct {
	t    *tree
	o    int32 // -1: absent
	good bool
}

func (h *hdr) at(key string) int32 {
	if h.o < 0 || h.t.nodes[h.o].kind != kindObject {
		h.good = h.good && h.o < 0
		return -1
	}
	return h.t.lookup(h.o, key)
}

func (h *hdr) in(key string) *hdr { return &hdr{t: h.t, o: h.at(key), good: true} }

func (h *hdr) text(v int32) string {
	if h.t.nodes[v].kind != kindString {
		h.good = false
		return ""
	}
	return string(h.t.val(v))
}

func (h *hdr) str(key string) string {
	if v := h.at(key); v >= 0 {
		return h.text(v)
	}
	return ""
}

func (h *hdr) flag(key string) bool {
	v := h.at(key)
	h.good = h.good && (v < 0 || h.t.nodes[v].kind == kindBool)
	return v >= 0 && h.t.nodes[v].truth
}

func (h *hdr) num(key string) int64 {
	v := h.at(key)
	if v < 0 {
		return 0
	}
	n, ok := h.t.wholeNumber(v)
	h.good = h.good && ok && n >= 0
	return n
}

func (h *hdr) entries(key string) []cliEntry {
	v := h.at(key)
	if v < 0 || h.t.nodes[v].kind != kindArray {
		h.good = false
		return nil
	}
	es := make([]cliEntry, h.t.count(v))
	i := 0
	for e := h.t.nodes[v].first; e >= 0; e = h.t.nodes[e].next {
		h.entry(e, &es[i])
		h.good = h.good && (es[i].path != "") != (es[i].pathBytes > 0)
		i++
	}
	return es
}

// entry reads one {"path"|"pathBytes","bytes"|"size"|"special"|"error",
// "explicit"} (stdin has no path). A name that is not UTF-8 comes as
// pathBytes: its bytes, as they are, ahead of the content's.
func (h *hdr) entry(e int32, en *cliEntry) {
	eh := &hdr{t: h.t, o: e, good: h.t.nodes[e].kind == kindObject}
	en.path, en.special, en.err = eh.str("path"), eh.str("special"), eh.str("error")
	en.explicit = eh.flag("explicit")
	en.bytes, en.size, en.pathBytes = eh.num("bytes"), eh.num("size"), eh.num("pathBytes")
	h.good = h.good && eh.good && (en.special == "" || isSpecialFile(en.special)) && h.t.count(e) <= 3
}

// lintWalked lints what the host found for o's paths and cards.
func (a *cliRun) lintWalked(o lintArgs) {
	const cmd = "lint"
	c, r := a.c, a.r
	if r.over > 0 {
		limit := a.inputLimit(MaxLintInput)
		a.fail(cmd, "the files to lint are more than "+itoa64(limit)+" bytes ("+mib(limit)+") in all, the most one run reads; lint fewer at a time")
		return
	}
	// The first path that could not be read, in the order the host walked
	// (the cards are read first).
	for g, group := range [2][]cliEntry{r.cards, r.files} {
		for _, e := range group {
			if e.err == "" {
				continue
			}
			if LooksLikeSecretArg(e.path) && e.explicit {
				a.fail(cmd, CLIRefuseTicketArg)
				return
			}
			prefix := ""
			if g == 0 {
				prefix = "--cards: "
			}
			a.fail(cmd, prefix+"cannot read "+cleanPath(e.path)+": "+errnoText(e.err))
			return
		}
	}
	c.opts.locale, c.opts.format, c.zh = o.locale, o.format, o.locale == LocaleZh
	c.opts.color = colorRule(r.tty, r.noColor, r.forceColor)
	var base int32
	if msg := a.readCardFiles(a.relSorted(r.cards), &base); msg != "" {
		a.fail(cmd, msg)
		return
	}
	st := &lintState{}
	c.lint = st
	t := c.t
	for _, e := range a.relSorted(r.files) {
		d := t.addDoc(e.text, -1, -1)
		t.docs[d].base, base = base, base+int32(len(e.text))
		if e.special != "" {
			st.files = append(st.files, c.specialLintFile(e.rel, d, e.special, e.explicit))
			continue
		}
		size := int64(-1)
		if e.size > 0 {
			size = e.size
		}
		st.files = append(st.files, c.readLintFile(e.rel, d, e.explicit, size))
	}
	c.lintFiles(st)
	c.finish(nil)
	a.out(c.lintReport(o.format))
	if n := len(a.stdout); n > 0 && a.stdout[n-1] != '\n' {
		a.stdout = append(a.stdout, '\n')
	}
	errs, warnings, _ := c.counts()
	switch {
	case errs > 0:
		a.exit = exitFail
	case o.maxWarnings >= 0 && int64(warnings) > o.maxWarnings:
		a.fail(cmd, itoa(warnings)+" warnings, more than --max-warnings "+itoa64(o.maxWarnings))
		a.exit = exitFail
	}
}

// readCardFiles reads the --cards files into the options' definitions: an
// object keyed by cardId, or one card/get response (keyed by its
// card.<type>.base_info.id). A cardId defined in two files is an error.
func (a *cliRun) readCardFiles(files []cliEntry, base *int32) string {
	c := a.c
	t := c.t
	if len(files) == 0 {
		return ""
	}
	defs := newCardDefs(c.seed)
	var from []string // by index in defs.ids
	for _, f := range files {
		d := t.addDoc(f.text, -1, -1)
		t.docs[d].report, t.docs[d].file = true, f.rel
		t.docs[d].base, *base = *base, *base+int32(len(f.text))
		notDefs := "--cards " + f.rel + ": not a JSON object of card definitions keyed by cardId"
		root := int32(-1)
		if f.special == "" && f.size == 0 {
			if r, err := t.parse(d, maxDepth); err == nil && t.nodes[r].kind == kindObject {
				root = r
			}
		}
		if root < 0 {
			return notDefs
		}
		var ids []string
		var got *cardDefs
		if raw := t.lookup(root, "card"); raw >= 0 {
			id, msg := c.cardGetID(raw)
			if msg != "" {
				return "--cards " + f.rel + ": " + msg
			}
			got = newCardDefs(c.seed)
			got.set(id, c.readRawCard(id, raw, "/card"))
		} else {
			got = c.readCardMap(root, "")
		}
		ids = append(ids, got.ids...)
		// In byte order of cardId, so a file repeating several ids always
		// names the same one.
		sortStable(len(ids), func(i, j int) bool { return ids[i] < ids[j] }, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		for _, id := range ids {
			if i := findDef(defs, id); i >= 0 {
				return "--cards: card " + quote(id) + " is defined in both " + from[i] + " and " + f.rel
			}
			def, _ := got.get([]byte(id))
			defs.set(id, def)
			from = append(from, f.rel)
		}
	}
	c.opts.cards = defs
	return ""
}

// cardGetID is the cardId of a card/get response's card object.
func (c *checker) cardGetID(card int32) (id, msg string) {
	t := c.t
	if t.nodes[card].kind != kindObject {
		return "", "a card/get response without card.card_type"
	}
	typeName, _, base := c.cardGetBase(card)
	switch {
	case typeName == "":
		return "", "a card/get response without card.card_type"
	case base >= 0:
		if v := t.lookup(base, "id"); v >= 0 && t.nodes[v].kind == kindString && t.nodes[v].vlen > 0 {
			return string(t.val(v)), ""
		}
	}
	return "", "a card/get response without card." + typeName + ".base_info.id"
}

// relSorted gives each entry its path relative to the working directory,
// drops repeats (the first stays) and sorts them in byte order.
func (a *cliRun) relSorted(es []cliEntry) []cliEntry {
	out := make([]cliEntry, 0, len(es))
	for _, e := range es {
		e.rel = relPath(a.r.cwd, e.path)
		out = append(out, e)
	}
	sortStable(len(out), func(i, j int) bool { return out[i].rel < out[j].rel }, func(i, j int) { out[i], out[j] = out[j], out[i] })
	w := 0
	for i := range out {
		if i > 0 && out[i].rel == out[w-1].rel {
			continue // sorted stably: the first of equal paths stays
		}
		out[w] = out[i]
		w++
	}
	return out[:w]
}

// relPath is p (a slash path, relative to cwd or absolute) relative to cwd
// (absolute), as filepath.Rel gives it.
func relPath(cwd, p string) string {
	if !isAbsPath(p) {
		if cwd == "" {
			return cleanPath(p)
		}
		p = cwd + "/" + p
	}
	p = cleanPath(p)
	if cwd == "" {
		return p
	}
	base := cleanPath(cwd)
	if base == p {
		return "."
	}
	b, q := pathParts(base), pathParts(p)
	i := 0
	for i < len(b) && i < len(q) && b[i] == q[i] {
		i++
	}
	if i == 0 && isAbsPath(p) && p[0] != '/' && base[:2] != p[:2] {
		return p // another volume: no relative path
	}
	var out []byte
	for range b[i:] {
		out = append(out, "../"...)
	}
	for _, part := range q[i:] {
		out = append(append(out, part...), '/')
	}
	return string(out[:len(out)-1])
}

// pathParts are the elements of a clean path.
func pathParts(p string) []string {
	var parts []string
	for start, i := 0, 0; i <= len(p); i++ {
		if i == len(p) || p[i] == '/' {
			if i > start {
				parts = append(parts, p[start:i])
			}
			start = i + 1
		}
	}
	return parts
}

// cleanPath is path.Clean (the path package would link errors and
// reflection into the module for this one function).
func cleanPath(p string) string {
	if p == "" {
		return "."
	}
	rooted := p[0] == '/'
	var out []string
	for _, part := range pathParts(p) {
		switch {
		case part == ".":
		case part != "..":
			out = append(out, part)
		case len(out) > 0 && out[len(out)-1] != "..":
			out = out[:len(out)-1]
		case !rooted:
			out = append(out, "..")
		}
	}
	var b []byte
	if rooted {
		b = append(b, '/')
	}
	for i, part := range out {
		if i > 0 {
			b = append(b, '/')
		}
		b = append(b, part...)
	}
	if len(b) == 0 {
		return "."
	}
	return string(b)
}

// isAbsPath: "/…", or a volume's "C:/…".
func isAbsPath(p string) bool {
	return len(p) > 0 && p[0] == '/' || len(p) >= 3 && p[1] == ':' && p[2] == '/'
}
