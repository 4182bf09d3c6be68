package card

import "strings"

// Lint reports: text for people, json for programs, SARIF 2.1.0 for code
// scanning, and GitHub workflow commands for annotations.

// Version is the core's version, as reports name it.
const Version = "0.1.0"

func (c *checker) lintReport(format string) string {
	switch format {
	case "text":
		return c.textReport()
	case "json":
		return string(c.jsonReport())
	case "sarif":
		return string(c.sarifReport())
	case "github":
		return c.githubReport()
	}
	return ""
}

// counts returns the number of errors, warnings and infos.
func (c *checker) counts() (e, w, i int) {
	for _, f := range c.findings {
		switch f.sev {
		case SeverityError:
			e++
		case SeverityWarning:
			w++
		default:
			i++
		}
	}
	return
}

func (c *checker) fileOf(f *finding) string {
	if f.rep.doc < 0 {
		return ""
	}
	return c.t.docs[f.rep.doc].file
}

// checkedFiles counts the files whose kind was recognised.
func (c *checker) checkedFiles() (checked, skipped int) {
	if c.lint == nil {
		return 0, 0
	}
	for _, lf := range c.lint.files {
		if lf.checked() {
			checked++
		} else {
			skipped++
		}
	}
	return
}

// namedSkipped lists the files named explicitly that hold no card payload.
func (c *checker) namedSkipped() []string {
	var out []string
	for _, lf := range c.lint.files {
		if lf.explicit && !lf.checked() {
			out = append(out, lf.path)
		}
	}
	return out
}

// reportBuf is an empty writer with room for a report of the findings:
// fixed bytes (a summary, SARIF's rule table) and per finding its message,
// code, path and per bytes of the format's own. Growing a report of tens of
// megabytes by doubling would allocate twice that.
func (c *checker) reportBuf(fixed, per int) *jsonOut {
	n := fixed
	for i := range c.findings {
		f := &c.findings[i]
		n += per + len(f.msg) + len(f.code) + len(f.path)
	}
	return &jsonOut{b: make([]byte, 0, n)}
}

func (c *checker) textReport() string {
	w := c.reportBuf(4<<10, 48)
	// Group by file in the order files were given; findings are sorted by
	// their place in the request, which is that order.
	cur := "\x00"
	width := 0
	for i := range c.findings {
		f := &c.findings[i]
		file := c.fileOf(f)
		if file != cur {
			if cur != "\x00" {
				w.byte('\n')
			}
			cur = file
			if file == "" {
				file = "(request)"
			}
			c.paint(w, ansiUnderline, file, ansiNoUnderline)
			w.byte('\n')
			width = 0
			for j := i; j < len(c.findings) && c.fileOf(&c.findings[j]) == cur; j++ {
				width = max(width, len(posText(&c.findings[j])))
			}
		}
		pos := posText(f)
		w.raw("  ")
		c.paint(w, ansiDim, pos, ansiNoDim)
		w.pad(width - len(pos) + 2)
		sev := string(f.sev)
		c.paint(w, severityColor(f.sev), sev, ansiNoColor)
		w.pad(9 - len(sev))
		w.raw(f.msg)
		w.raw("  ")
		c.paint(w, ansiDim, f.code, ansiNoDim)
		w.byte('\n')
	}
	errs, warns, infos := c.counts()
	checked, skipped := c.checkedFiles()
	if len(c.findings) > 0 {
		w.byte('\n')
	}
	total := errs + warns + infos
	// The summary in bold, red with errors, yellow with warnings only, green
	// when clean (as ESLint's stylish format); its colour ends with the line.
	switch {
	case !c.opts.color:
	case errs > 0:
		w.raw(ansiBold + ansiRed)
	case total > 0:
		w.raw(ansiBold + ansiYellow)
	default:
		w.raw(ansiBold + ansiGreen)
	}
	switch {
	case total == 0 && c.zh:
		w.raw("✔ 检查了 " + itoa(checked) + " 个文件，没有发现问题")
	case total == 0:
		w.raw("✔ no problems in " + plural(checked, "file", "files"))
	case c.zh:
		w.raw("✖ 共 " + itoa(total) + " 个问题（" + itoa(errs) + " 个错误，" + itoa(warns) + " 个警告，" + itoa(infos) + " 个提示），检查了 " + itoa(checked) + " 个文件")
	default:
		w.raw("✖ " + plural(total, "problem", "problems") + " (" + plural(errs, "error", "errors") + ", " + plural(warns, "warning", "warnings") + ", " + plural(infos, "info", "infos") + ") in " + plural(checked, "file", "files"))
	}
	if skipped > 0 {
		if c.zh {
			w.raw("；跳过 " + itoa(skipped) + " 个非卡券文件")
		} else {
			w.raw("; " + plural(skipped, "file", "files") + " without card payloads skipped")
		}
		// A file the user named is never skipped silently: say which.
		if named := c.namedSkipped(); len(named) > 0 {
			if c.zh {
				w.raw("，其中指名的：")
			} else {
				w.raw(", named: ")
			}
			for i, p := range named {
				if i > 0 {
					w.raw(", ")
				}
				w.raw(p)
			}
		}
	}
	if c.opts.color {
		w.raw(ansiNoColor + ansiNoBold)
	}
	if skipped > 0 {
		c.skippedLine(w)
	}
	w.byte('\n')
	return string(w.b)
}

// ANSI styles of the coloured text report (options.color), each with the
// code that ends it and nothing else.
const (
	ansiBold        = "\x1b[1m"
	ansiNoBold      = "\x1b[22m"
	ansiDim         = "\x1b[2m"
	ansiNoDim       = "\x1b[22m"
	ansiUnderline   = "\x1b[4m"
	ansiNoUnderline = "\x1b[24m"
	ansiRed         = "\x1b[31m"
	ansiYellow      = "\x1b[33m"
	ansiGreen       = "\x1b[32m"
	ansiCyan        = "\x1b[36m"
	ansiNoColor     = "\x1b[39m"
)

func severityColor(s Severity) string {
	switch s {
	case SeverityError:
		return ansiRed
	case SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// paint writes s, in style when the report is coloured.
func (c *checker) paint(w *jsonOut, style, s, end string) {
	if !c.opts.color {
		w.raw(s)
		return
	}
	w.raw(style)
	w.raw(s)
	w.raw(end)
}

// maxSkippedNamed is how many skipped files the text report names.
const maxSkippedNamed = 10

// skippedLine names the files lint skipped and why (no card payload), the
// first maxSkippedNamed of them.
func (c *checker) skippedLine(w *jsonOut) {
	if c.zh {
		w.raw("\n跳过（没有卡券参数）：")
	} else {
		w.raw("\nskipped, without card payloads: ")
	}
	n := 0
	for _, lf := range c.lint.files {
		if lf.checked() {
			continue
		}
		if n < maxSkippedNamed {
			if n > 0 {
				if c.zh {
					w.raw("、")
				} else {
					w.raw(", ")
				}
			}
			w.raw(lf.path)
		}
		n++
	}
	if more := n - maxSkippedNamed; more > 0 {
		if c.zh {
			w.raw("（另有 " + itoa(more) + " 个）")
		} else {
			w.raw(" (and " + itoa(more) + " more)")
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

func posText(f *finding) string {
	if f.rep.doc < 0 {
		return "-"
	}
	return itoa(int(f.line)) + ":" + itoa(int(f.col))
}

func (c *checker) jsonReport() []byte {
	w := c.reportBuf(4<<10, 160)
	w.raw(`{"files":[`)
	diags := c.diagnostics()
	// Each file's diagnostics, found once: byDoc[d] lists the findings of
	// document d in output order (files × findings would be quadratic).
	byDoc := make([][]int, len(c.t.docs))
	for i := range c.findings {
		if d := c.findings[i].rep.doc; d >= 0 {
			byDoc[d] = append(byDoc[d], i)
		}
	}
	first := true
	if c.lint != nil {
		for _, lf := range c.lint.files {
			if !lf.checked() {
				continue
			}
			if !first {
				w.byte(',')
			}
			first = false
			w.member(`{"path":`, lf.path)
			w.member(`,"kind":`, lf.kind)
			w.raw(`,"diagnostics":[`)
			if lf.doc >= 0 {
				for n, i := range byDoc[lf.doc] {
					if n > 0 {
						w.byte(',')
					}
					w.b = appendDiagnostic(w.b, &diags[i])
				}
			}
			w.raw("]}")
		}
	}
	w.raw(`],"skipped":[`)
	first = true
	if c.lint != nil {
		for _, lf := range c.lint.files {
			if !lf.checked() {
				if !first {
					w.byte(',')
				}
				first = false
				w.str(lf.path)
			}
		}
	}
	errs, warns, infos := c.counts()
	w.raw(`],"errorCount":`)
	w.num(int64(errs))
	w.raw(`,"warningCount":`)
	w.num(int64(warns))
	w.raw(`,"infoCount":`)
	w.num(int64(infos))
	w.byte('}')
	return w.b
}

func sarifLevel(s Severity) string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "note"
}

// RuleHelpURI is where a rule's documentation lives.
func RuleHelpURI(code string) string {
	return "https://github.com/wxcard/wxcard/blob/main/docs/rules.md#" + code
}

func (c *checker) sarifReport() []byte {
	loc := LocaleEn
	if c.zh {
		loc = LocaleZh
	}
	w := c.reportBuf(68<<10, 400) // the rule table: about 60 KB
	w.member(`{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"wxcard","version":`, Version)
	w.raw(`,"informationUri":"https://github.com/wxcard/wxcard","rules":[`)
	for i, r := range catalogue {
		if i > 0 {
			w.byte(',')
		}
		w.member(`{"id":`, r.Code)
		w.member(`,"shortDescription":{"text":`, r.Summary.In(loc))
		w.member(`},"fullDescription":{"text":`, r.Summary.In(loc))
		w.member(`},"help":{"text":`, r.Fix.In(loc))
		w.member(`},"helpUri":`, RuleHelpURI(r.Code))
		w.member(`,"defaultConfiguration":{"level":`, sarifLevel(r.Severity))
		w.raw("}}")
	}
	w.raw(`]}},"columnKind":"utf16CodeUnits","originalUriBaseIds":{"%SRCROOT%":{"description":{"text":"the directory wxcard lint ran in"}}},"results":[`)
	for i := range c.findings {
		f := &c.findings[i]
		if i > 0 {
			w.byte(',')
		}
		w.member(`{"ruleId":`, f.code)
		w.raw(`,"ruleIndex":`)
		w.num(int64(ruleIndex(f.code)))
		w.member(`,"level":`, sarifLevel(f.sev))
		w.member(`,"message":{"text":`, f.msg)
		w.byte('}')
		if file := c.fileOf(f); file != "" {
			w.member(`,"locations":[{"physicalLocation":{"artifactLocation":{"uri":`, uriPath(file))
			w.raw(`,"uriBaseId":"%SRCROOT%"},"region":{"startLine":`)
			w.num(int64(f.line))
			w.raw(`,"startColumn":`)
			w.num(int64(f.col))
			w.raw(`,"endLine":`)
			w.num(int64(f.endLine))
			w.raw(`,"endColumn":`)
			w.num(int64(f.endCol))
			w.raw(`,"byteOffset":`)
			w.num(int64(f.rep.off))
			w.raw(`,"byteLength":`)
			w.num(int64(f.rep.len))
			w.raw("}}}]")
		}
		if f.path != "" {
			w.member(`,"properties":{"path":`, f.path)
			w.byte('}')
		}
		w.byte('}')
	}
	w.raw("]}]}")
	return w.b
}

// ruleIndex is the position of code in the catalogue (SARIF's ruleIndex).
func ruleIndex(code string) int {
	for i := range catalogue {
		if catalogue[i].Code == code {
			return i
		}
	}
	return -1
}

// uriPath percent-encodes a relative slash path for a URI reference.
func uriPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(p); i++ {
		ch := p[i]
		if isAlnum(ch) || strings.IndexByte("-._~/!$&'()*+,;=:@", ch) >= 0 {
			b = append(b, ch)
			continue
		}
		b = append(b, '%', hex[ch>>4], hex[ch&15])
	}
	return string(b)
}

// githubReport writes workflow commands (::error file=…::message).
func (c *checker) githubReport() string {
	w := c.reportBuf(4<<10, 96)
	for i := range c.findings {
		f := &c.findings[i]
		cmd := "notice"
		switch f.sev {
		case SeverityError:
			cmd = "error"
		case SeverityWarning:
			cmd = "warning"
		}
		w.raw("::" + cmd + " ")
		var props []string
		if file := c.fileOf(f); file != "" {
			props = append(props, "file="+ghProperty(file),
				"line="+itoa(int(f.line)), "col="+itoa(int(f.col)),
				"endLine="+itoa(int(f.endLine)), "endColumn="+itoa(int(f.endCol)))
		}
		props = append(props, "title="+ghProperty("wxcard "+f.code))
		for k, p := range props {
			if k > 0 {
				w.byte(',')
			}
			w.raw(p)
		}
		w.raw("::")
		w.raw(ghData(f.msg))
		w.byte('\n')
	}
	return string(w.b)
}

// ghData and ghProperty escape a workflow command's message and property
// values as the runner unescapes them.
func ghData(s string) string { return ghEscape(s, false) }

func ghProperty(s string) string { return ghEscape(s, true) }

func ghEscape(s string, property bool) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '%':
			b = append(b, "%25"...)
		case ch == '\r':
			b = append(b, "%0D"...)
		case ch == '\n':
			b = append(b, "%0A"...)
		case property && ch == ':':
			b = append(b, "%3A"...)
		case property && ch == ',':
			b = append(b, "%2C"...)
		default:
			b = append(b, ch)
		}
	}
	return string(b)
}
