package card

import (
	"strconv"
	"strings"
)

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

func (c *checker) textReport() string {
	var b strings.Builder
	// Group by file in the order files were given; findings are sorted by
	// their place in the request, which is that order.
	cur := "\x00"
	width := 0
	for i := range c.findings {
		f := &c.findings[i]
		file := c.fileOf(f)
		if file != cur {
			if cur != "\x00" {
				b.WriteByte('\n')
			}
			cur = file
			if file == "" {
				file = "(request)"
			}
			b.WriteString(file)
			b.WriteByte('\n')
			width = 0
			for j := i; j < len(c.findings) && c.fileOf(&c.findings[j]) == cur; j++ {
				width = max(width, len(posText(&c.findings[j])))
			}
		}
		pos := posText(f)
		b.WriteString("  ")
		b.WriteString(pos)
		b.WriteString(strings.Repeat(" ", width-len(pos)+2))
		sev := string(f.sev)
		b.WriteString(sev)
		b.WriteString(strings.Repeat(" ", 9-len(sev)))
		b.WriteString(f.msg)
		b.WriteString("  ")
		b.WriteString(f.code)
		b.WriteByte('\n')
	}
	e, w, n := c.counts()
	checked, skipped := c.checkedFiles()
	if len(c.findings) > 0 {
		b.WriteByte('\n')
	}
	total := e + w + n
	switch {
	case total == 0 && c.zh:
		b.WriteString("✔ 检查了 " + strconv.Itoa(checked) + " 个文件，没有发现问题")
	case total == 0:
		b.WriteString("✔ no problems in " + plural(checked, "file", "files"))
	case c.zh:
		b.WriteString("✖ 共 " + strconv.Itoa(total) + " 个问题（" + strconv.Itoa(e) + " 个错误，" + strconv.Itoa(w) + " 个警告，" + strconv.Itoa(n) + " 个提示），检查了 " + strconv.Itoa(checked) + " 个文件")
	default:
		b.WriteString("✖ " + plural(total, "problem", "problems") + " (" + plural(e, "error", "errors") + ", " + plural(w, "warning", "warnings") + ", " + plural(n, "info", "infos") + ") in " + plural(checked, "file", "files"))
	}
	if skipped > 0 {
		if c.zh {
			b.WriteString("；跳过 " + strconv.Itoa(skipped) + " 个非卡券文件")
		} else {
			b.WriteString("; " + plural(skipped, "file", "files") + " without card payloads skipped")
		}
	}
	b.WriteByte('\n')
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func posText(f *finding) string {
	if f.rep.doc < 0 {
		return "-"
	}
	return strconv.Itoa(int(f.line)) + ":" + strconv.Itoa(int(f.col))
}

func (c *checker) jsonReport() []byte {
	b := []byte(`{"files":[`)
	diags := c.diagnostics()
	first := true
	if c.lint != nil {
		for _, lf := range c.lint.files {
			if !lf.checked() {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, `{"path":`...)
			b = appendString(b, lf.path)
			b = append(b, `,"kind":`...)
			b = appendString(b, lf.kind)
			b = append(b, `,"diagnostics":[`...)
			n := 0
			for i := range diags {
				if diags[i].File == lf.path && c.findings[i].rep.doc >= 0 {
					if n > 0 {
						b = append(b, ',')
					}
					n++
					b = appendDiagnostic(b, &diags[i])
				}
			}
			b = append(b, "]}"...)
		}
	}
	b = append(b, `],"skipped":[`...)
	first = true
	if c.lint != nil {
		for _, lf := range c.lint.files {
			if !lf.checked() {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = appendString(b, lf.path)
			}
		}
	}
	e, w, n := c.counts()
	b = append(b, `],"errorCount":`...)
	b = strconv.AppendInt(b, int64(e), 10)
	b = append(b, `,"warningCount":`...)
	b = strconv.AppendInt(b, int64(w), 10)
	b = append(b, `,"infoCount":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, '}')
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
	b := []byte(`{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"wxcard","version":`)
	b = appendString(b, Version)
	b = append(b, `,"informationUri":"https://github.com/wxcard/wxcard","rules":[`...)
	index := map[string]int{}
	for i, r := range catalogue {
		index[r.Code] = i
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendString(b, r.Code)
		b = append(b, `,"shortDescription":{"text":`...)
		b = appendString(b, r.Summary.In(loc))
		b = append(b, `},"fullDescription":{"text":`...)
		b = appendString(b, r.Summary.In(loc))
		b = append(b, `},"help":{"text":`...)
		b = appendString(b, r.Fix.In(loc))
		b = append(b, `},"helpUri":`...)
		b = appendString(b, RuleHelpURI(r.Code))
		b = append(b, `,"defaultConfiguration":{"level":`...)
		b = appendString(b, sarifLevel(r.Severity))
		b = append(b, "}}"...)
	}
	b = append(b, `]}},"columnKind":"utf16CodeUnits","originalUriBaseIds":{"%SRCROOT%":{"description":{"text":"the directory wxcard lint ran in"}}},"results":[`...)
	for i := range c.findings {
		f := &c.findings[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"ruleId":`...)
		b = appendString(b, f.code)
		b = append(b, `,"ruleIndex":`...)
		b = strconv.AppendInt(b, int64(index[f.code]), 10)
		b = append(b, `,"level":`...)
		b = appendString(b, sarifLevel(f.sev))
		b = append(b, `,"message":{"text":`...)
		b = appendString(b, f.msg)
		b = append(b, '}')
		if file := c.fileOf(f); file != "" {
			b = append(b, `,"locations":[{"physicalLocation":{"artifactLocation":{"uri":`...)
			b = appendString(b, uriPath(file))
			b = append(b, `,"uriBaseId":"%SRCROOT%"},"region":{"startLine":`...)
			b = strconv.AppendInt(b, int64(f.line), 10)
			b = append(b, `,"startColumn":`...)
			b = strconv.AppendInt(b, int64(f.col), 10)
			b = append(b, `,"endLine":`...)
			b = strconv.AppendInt(b, int64(f.endLine), 10)
			b = append(b, `,"endColumn":`...)
			b = strconv.AppendInt(b, int64(f.endCol), 10)
			b = append(b, `,"byteOffset":`...)
			b = strconv.AppendInt(b, int64(f.rep.off), 10)
			b = append(b, `,"byteLength":`...)
			b = strconv.AppendInt(b, int64(f.rep.len), 10)
			b = append(b, "}}}]"...)
		}
		if f.path != "" {
			b = append(b, `,"properties":{"path":`...)
			b = appendString(b, f.path)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	return append(b, "]}]}"...)
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
	var b strings.Builder
	for i := range c.findings {
		f := &c.findings[i]
		cmd := "notice"
		switch f.sev {
		case SeverityError:
			cmd = "error"
		case SeverityWarning:
			cmd = "warning"
		}
		b.WriteString("::" + cmd + " ")
		var props []string
		if file := c.fileOf(f); file != "" {
			props = append(props, "file="+ghProperty(file),
				"line="+strconv.Itoa(int(f.line)), "col="+strconv.Itoa(int(f.col)),
				"endLine="+strconv.Itoa(int(f.endLine)), "endColumn="+strconv.Itoa(int(f.endCol)))
		}
		props = append(props, "title="+ghProperty("wxcard "+f.code))
		b.WriteString(strings.Join(props, ","))
		b.WriteString("::")
		b.WriteString(ghData(f.msg))
		b.WriteByte('\n')
	}
	return b.String()
}

func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
