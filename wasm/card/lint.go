package card

import "strings"

// lint: many payload files at once, each checked by the rules of the API
// its shape belongs to, with positions in the file.

// File kinds, as detected from a file's shape.
const (
	KindAddCard          = "addCard"
	KindOpenCard         = "openCard"
	KindAddCardResult    = "addCardResult"
	KindMemberCardLaunch = "memberCardLaunch"
	KindActivateURL      = "activateUrl"
	KindReferrerInfo     = "referrerInfo"
	KindCardDefinitions  = "cardDefinitions"
)

// lintFile is one file of a lint request.
type lintFile struct {
	path     string
	doc      int32 // -1 when the file was not read (not ours)
	root     int32
	kind     string
	secrets  bool // no card payload, but a server secret
	explicit bool // named, not found by walking a folder
}

// checked tells a file the rules looked at (or could not parse), or one
// that holds a secret, from one that holds no card payload.
func (lf lintFile) checked() bool { return lf.kind != "" || lf.secrets || (lf.doc >= 0 && lf.root < 0) }

// lintState is what lint keeps for its report.
type lintState struct {
	files []lintFile
}

func (c *checker) opLint(p int32) resultWriter {
	t := c.t
	if p = c.textPayload(p); p < 0 {
		return nil
	}
	files := int32(-1)
	if t.nodes[p].kind == kindObject {
		files = t.lookup(p, "files")
	}
	if files < 0 || t.nodes[files].kind != kindArray {
		c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapeFiles)
		return nil
	}
	st := &lintState{}
	c.lint = st
	i := 0
	for f := t.nodes[files].first; f >= 0; f = t.nodes[f].next {
		path := ptrIndex("/files", i)
		i++
		var pathNode, content int32 = -1, -1
		if t.nodes[f].kind == kindObject {
			pathNode, content = t.lookup(f, "path"), t.lookup(f, "content")
		}
		if pathNode < 0 || content < 0 || t.nodes[pathNode].kind != kindString || t.nodes[content].kind != kindString {
			c.errorf(CodePayloadShape, t.spanOf(f), path, msgShapeFile)
			continue
		}
		// "explicit": the file was named (on the command line), not found
		// by walking a folder: it is never passed over silently.
		explicit := false
		if e := t.lookup(f, "explicit"); e >= 0 {
			if t.nodes[e].kind != kindBool {
				c.errorf(CodePayloadShape, t.spanOf(e), path+"/explicit", msgShapeFile)
				continue
			}
			explicit = t.nodes[e].truth
		}
		// What the host did not read: "size", the whole file's size when it
		// read only its first MaxInput+1 bytes; "special", a FIFO, device,
		// socket or directory it never opened (content is then "").
		size := int64(-1)
		if e := t.lookup(f, "size"); e >= 0 {
			n, ok := t.wholeNumber(e)
			if !ok || n < int64(t.nodes[content].vlen) {
				c.errorf(CodePayloadShape, t.spanOf(e), path+"/size", msgShapeFile)
				continue
			}
			size = n
		}
		text := t.valOf(&t.nodes[content])
		d := t.addDoc(text, t.nodes[content].doc, content)
		if e := t.lookup(f, "special"); e >= 0 {
			kind := ""
			if t.nodes[e].kind == kindString {
				kind = string(t.val(e))
			}
			if !isSpecialFile(kind) {
				c.errorf(CodePayloadShape, t.spanOf(e), path+"/special", msgShapeFile)
				continue
			}
			st.files = append(st.files, c.specialLintFile(string(t.val(pathNode)), d, kind, explicit))
			continue
		}
		st.files = append(st.files, c.readLintFile(string(t.val(pathNode)), d, explicit, size))
	}
	c.lintFiles(st)
	return nil
}

// specialLintFile is a FIFO, device, socket or directory the host never
// opened (document d is empty).
func (c *checker) specialLintFile(path string, d int32, kind string, explicit bool) lintFile {
	t := c.t
	t.docs[d].report, t.docs[d].file = true, path
	c.errorf(CodeLintFileInvalid, span{doc: d}, "", msgLintSpecialFile, kind)
	return lintFile{path: path, doc: d, root: -1, explicit: explicit}
}

// lintFiles checks the files read.
func (c *checker) lintFiles(st *lintState) {
	// Definitions found among the files serve the other files, beside
	// options.cards (which wins for the same card).
	defs := newCardDefs(c.seed)
	for _, lf := range st.files {
		if lf.kind == KindCardDefinitions && lf.root >= 0 {
			c.lintDefinitions(lf, defs)
		}
	}
	if defs.len() > 0 {
		defs.merge(c.opts.cards)
		c.opts.cards = defs
	}
	for _, lf := range st.files {
		c.lintCheck(lf)
	}
}

// readLintFile parses one file's content (as its own document, reported by
// its path) and detects its kind. Text that mentions none of the card APIs
// is not ours: package.json and friends are passed over silently.
func isSpecialFile(kind string) bool {
	return kind == "fifo" || kind == "device" || kind == "socket" || kind == "directory"
}

func (c *checker) readLintFile(path string, d int32, explicit bool, size int64) lintFile {
	t := c.t
	lf := lintFile{path: path, doc: -1, root: -1, explicit: explicit}
	text := t.docs[d].text
	t.docs[d].report, t.docs[d].file = true, path
	if len(text) > MaxInput || size > MaxInput {
		lf.doc = d
		whole := int64(len(text))
		if size > whole {
			whole = size
		}
		// The part past the limit; for a file the host did not read, the end of what it sent.
		at := span{doc: d, off: int32(min(MaxInput, len(text))), len: int32(max(0, len(text)-MaxInput))}
		c.errorf(CodePayloadLimit, at, "", msgLimitFile, itoa64(whole), itoa(MaxInput))
		return lf
	}
	trimmed := trimASCII(string(text))
	if strings.HasPrefix(trimmed, "http://") || strings.HasPrefix(trimmed, "https://") {
		lf.doc, lf.kind = d, KindActivateURL
		return lf
	}
	if !mentionsCardAPI(text) {
		// Not a card payload, but still no place for a server secret (a
		// config.json with the api_ticket): JSON that parses is scanned for
		// secrets; JSON that does not is not ours and passes silently.
		root, err := t.parse(d, maxDepth)
		switch {
		case err == nil:
			before := len(c.findings)
			c.scanSecrets(root)
			if len(c.findings) > before {
				lf.doc, lf.root, lf.secrets = d, root, true
			}
		case explicit:
			// A file the user named and that is not JSON at all.
			lf.doc = d
			c.syntaxAs(CodeLintFileInvalid, d, err, "", msgInFile)
		}
		return lf
	}
	lf.doc = d
	root, err := t.parse(d, maxDepth)
	if err != nil {
		c.syntax(d, err, "", msgInFile)
		return lf
	}
	lf.root = root
	lf.kind = c.detectKind(root)
	return lf
}

func mentionsCardAPI(text []byte) bool {
	s := string(text)
	for _, w := range [...]string{"cardList", "cardExt", "cardId", "addCard:", "extraData", "extra-data", "referrerInfo", "activatemembercard", "base_info", "use_custom_code", "bind_openid"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// detectKind names the API a parsed file belongs to, or "".
func (c *checker) detectKind(root int32) string {
	t := c.t
	switch t.nodes[root].kind {
	case kindString:
		if strings.HasPrefix(string(t.val(root)), "http") {
			return KindActivateURL
		}
		return ""
	case kindArray:
		return c.listKind(root)
	case kindObject:
	default:
		return ""
	}
	has := func(k string) bool { return t.lookup(root, k) >= 0 }
	switch {
	case has("errMsg"):
		return KindAddCardResult
	case has("cardList"):
		l := t.lookup(root, "cardList")
		if t.nodes[l].kind == kindArray {
			if k := c.listKind(l); k != "" {
				return k
			}
		}
		return KindAddCard
	case (has("appId") || has("app-id")) && (has("extraData") || has("extra-data")):
		return KindMemberCardLaunch
	case has("referrerInfo"):
		return KindReferrerInfo
	case has("card") || c.looksLikeDefinitions(root):
		return KindCardDefinitions
	}
	return ""
}

// listKind tells an addCard list (items with cardExt) from an openCard
// list (items with code and no cardExt).
func (c *checker) listKind(l int32) string {
	t := c.t
	kind := ""
	for it := t.nodes[l].first; it >= 0; it = t.nodes[it].next {
		if t.nodes[it].kind != kindObject {
			continue
		}
		switch {
		case t.lookup(it, "cardExt") >= 0:
			return KindAddCard
		case t.lookup(it, "code") >= 0 && t.lookup(it, "cardId") >= 0:
			kind = KindOpenCard
		case t.lookup(it, "cardId") >= 0 && kind == "":
			kind = KindAddCard
		}
	}
	return kind
}

// looksLikeDefinitions: an object keyed by card ids whose values are
// objects.
func (c *checker) looksLikeDefinitions(o int32) bool {
	t := c.t
	if t.count(o) == 0 {
		return false
	}
	ok := true
	t.members(o, func(k, v int32) {
		if !looksLikeCardID(t.val(k)) || t.nodes[v].kind != kindObject {
			ok = false
		}
	})
	return ok
}

// lintDefinitions adds a definitions file's cards to defs.
func (c *checker) lintDefinitions(lf lintFile, defs *cardDefs) {
	t := c.t
	if card := t.lookup(lf.root, "card"); card >= 0 {
		// One card/get response: its id is base_info.id.
		if id := c.rawCardID(lf.root); id != "" {
			defs.set(id, c.readRawCard(id, card, "/card"))
		}
		return
	}
	defs.merge(c.readCardMap(lf.root, ""))
}

func (c *checker) rawCardID(root int32) string {
	t := c.t
	card := t.lookup(root, "card")
	if t.nodes[card].kind != kindObject {
		return ""
	}
	id := ""
	t.members(card, func(_, v int32) {
		if id != "" || t.nodes[v].kind != kindObject {
			return
		}
		if b := t.lookup(v, "base_info"); b >= 0 && t.nodes[b].kind == kindObject {
			if i := t.lookup(b, "id"); i >= 0 && t.nodes[i].kind == kindString {
				id = string(t.val(i))
			}
		}
	})
	return id
}

// lintCheck applies the rules of a file's kind.
func (c *checker) lintCheck(lf lintFile) {
	t := c.t
	if lf.doc < 0 || lf.kind == "" {
		return
	}
	if lf.kind == KindActivateURL {
		if lf.root >= 0 {
			c.opParseActivateURL(lf.root)
		} else {
			c.activateURL(lf.doc)
		}
		return
	}
	if lf.root < 0 {
		return
	}
	switch lf.kind {
	case KindAddCard:
		if t.nodes[lf.root].kind == kindArray {
			c.readAddCards(lf.root, listCtx{list: ""}, false)
			c.scanSecrets(lf.root)
			return
		}
		c.addCardList(lf.root, false)
	case KindOpenCard:
		if t.nodes[lf.root].kind == kindArray {
			c.readOpenCards(lf.root, listCtx{list: ""})
			c.scanSecrets(lf.root)
			return
		}
		c.opBuildOpenCard(lf.root)
	case KindAddCardResult:
		c.opParseAddCardResult(lf.root)
	case KindMemberCardLaunch:
		c.opValidateMemberCardLaunch(lf.root)
	case KindReferrerInfo:
		c.opParseReferrerInfo(lf.root)
	case KindCardDefinitions:
		c.scanSecrets(lf.root)
	}
}
