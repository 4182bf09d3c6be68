package card

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/internal/cliwire"
)

// cliAnswer is a decoded answer of the cli op, its bytes as text.
type cliAnswer struct {
	cliwire.Answer
	out, err string
}

func askCLI(t *testing.T, header map[string]any, blob string) cliAnswer {
	t.Helper()
	h, err := json.Marshal(header)
	require.NoError(t, err)
	a, err := cliwire.Decode(Call(OpCLI, append(append(h, '\n'), blob...)))
	require.NoError(t, err)
	return cliAnswer{a, string(a.Out), string(a.Err)}
}

func cliHeader(host string, args ...string) map[string]any {
	return map[string]any{"host": host, "version": "v9", "args": args, "env": map[string]string{}, "tty": false}
}

// Every word of both CLIs, answered without the file system.
func TestCLIWords(t *testing.T) {
	usage := func(cmd, msg string) string { return CLIUsageError(cmd, msg) }
	cases := []struct {
		args     []string
		exit     int
		out, err string // err "" is no stderr; out "*" is any non-empty stdout
	}{
		{nil, 2, "", cliUsage()},
		{[]string{"--help"}, 0, cliUsage(), ""},
		{[]string{"-h"}, 0, cliUsage(), ""},
		{[]string{"help"}, 0, cliUsage(), ""},
		{[]string{"help", "lint"}, 0, cliLintHelp, ""},
		{[]string{"help", "nope"}, 2, "", usage("help", `unknown command "nope"`)},
		{[]string{"help", "a", "b"}, 2, "", usage("help", "takes at most one command")},
		{[]string{"--version"}, 0, "wxcard v9\n", ""},
		{[]string{"version"}, 0, "wxcard v9\n", ""},
		{[]string{"version", "-h"}, 0, cliVersionHelp, ""},
		{[]string{"version", "x"}, 2, "", usage("version", "takes no arguments")},
		{[]string{"frob"}, 2, "", usage("", `unknown command "frob"`)},
		{[]string{"--frob"}, 2, "", usage("", `unknown flag "--frob"`)},
		{[]string{"tab\there"}, 2, "", usage("", `unknown command "tab\there"`)},
		{[]string{""}, 2, "", usage("", `unknown command ""`)},
		{[]string{"lint", ""}, -1, "", ""},
		{[]string{strings.Repeat("x", 65)}, 2, "", usage("", "unknown command (argument not shown)")},
		{[]string{"ojZ8YtyVyr30HheH3CM73y7h4jJE"}, 2, "", usage("", "unknown command (argument not shown)")},
		{[]string{"lint", "--help"}, 0, cliLintHelp, ""},
		{[]string{"lint", "x", "-h", "--bogus"}, 0, cliLintHelp, ""},
		{[]string{"lint", "--bogus", "-h"}, 2, "", usage("lint", "flag provided but not defined: -bogus")},
		{[]string{"lint"}, 2, "", usage("lint", "no PATH given")},
		{[]string{"lint", "--", "--help"}, -1, "", ""}, // a PATH named --help: a plan
		{[]string{"lint", "--format", "xml", "x"}, 2, "", usage("lint", "--format must be text, json, sarif or github")},
		{[]string{"lint", "--locale", "fr", "x"}, 2, "", usage("lint", "--locale must be en or zh-CN")},
		{[]string{"lint", "x", "--format"}, 2, "", usage("lint", "flag needs an argument: -format")},
		{[]string{"lint", "---x", "."}, 2, "", usage("lint", "bad flag syntax: ---x")},
		{[]string{"lint", "-=x", "."}, 2, "", usage("lint", "bad flag syntax: -=x")},
		{[]string{"lint", "--max-warnings", "many", "."}, 2, "", usage("lint", `invalid value "many" for flag -max-warnings: parse error`)},
		{[]string{"lint", "--max-warnings", "-2", "."}, 2, "", usage("lint", "--max-warnings must be a number of warnings (or -1 for no limit)")},
		{[]string{"lint", "--max-warnings", "9223372036854775808", "."}, 2, "", usage("lint", `invalid value "9223372036854775808" for flag -max-warnings: value out of range`)},
		{[]string{"lint", "--max-warnings", "ojZ8YtyVyr30HheH3CM73y7h4jJE", "."}, 2, "", usage("lint", `invalid value "[redacted]" for flag -max-warnings: parse error`)},
		{[]string{"lint", "--ticket", "x"}, 2, "", "wxcard: refusing --ticket: the api_ticket is a secret and is never taken from the command line (it would show in ps, shell history and CI logs); set WXCARD_API_TICKET or pass --ticket-file FILE\n"},
		{[]string{"lint", "--api_ticket=s3cr3t", "y"}, 2, "", "wxcard: refusing --api_ticket: the api_ticket is a secret and is never taken from the command line (it would show in ps, shell history and CI logs); set WXCARD_API_TICKET or pass --ticket-file FILE\n"},
		{[]string{"run", "--", "--ticket"}, -1, "", ""}, // an OP named --ticket, after "--": a plan
		{[]string{"run", "-h"}, 0, cliRunHelp, ""},
		{[]string{"run"}, 2, "", usage("run", "want exactly one OP")},
		{[]string{"run", "a", "b"}, 2, "", usage("run", "want exactly one OP")},
		{[]string{"run", "--x", "a"}, 2, "", usage("run", "flag provided but not defined: -x")},
		{[]string{"run", "ojZ8YtyVyr30HheH3CM73y7h4jJE"}, 2, "", "wxcard run: " + CLIRefuseTicketArg + "\n"},
		{[]string{"run", "validateMemberCardLaunch"}, -1, "", ""}, // a long op name is no ticket: a plan
		{[]string{"sign"}, 2, "", "wxcard sign: sign is only in the Go CLI: it needs the api_ticket, a server secret that never belongs in the npm package; run the Go wxcard sign on your server\n"},
		{[]string{"help", "verify"}, 2, "", "wxcard verify: verify is only in the Go CLI: it needs the api_ticket, a server secret that never belongs in the npm package; run the Go wxcard verify on your server\n"},
		{[]string{"sign", "--mch-key=x"}, 2, "", "wxcard: refusing --mch-key: the merchant key is a secret and is never taken from the command line (it would show in ps, shell history and CI logs); set WXCARD_MCH_KEY or pass --key-file FILE\n"},
	}
	for _, c := range cases {
		a := askCLI(t, cliHeader("npm", c.args...), "")
		name := strings.Join(c.args, " ")
		if c.exit < 0 {
			assert.NotEqual(t, "exit", a.Do, name)
			continue
		}
		require.Equal(t, "exit", a.Do, name)
		assert.Equal(t, c.exit, a.Exit, name)
		assert.Equal(t, c.out, a.out, name)
		assert.Equal(t, c.err, a.err, name)
	}
	// The Go CLI runs sign and verify itself; their help is here.
	assert.Equal(t, "sign", askCLI(t, cliHeader("go", "sign", "--card-id", "p1"), "").Do)
	assert.Equal(t, "verify", askCLI(t, cliHeader("go", "verify"), "").Do)
	assert.Equal(t, cliSignHelp, askCLI(t, cliHeader("go", "help", "sign"), "").out)
	// An empty version is a development build.
	h := cliHeader("npm", "version")
	delete(h, "version")
	assert.Equal(t, "wxcard (devel)\n", askCLI(t, h, "").out)
}

func TestCLIMalformed(t *testing.T) {
	for _, in := range []string{
		"", "[]", "{}", `{"host":"x"}`, `{"host":"go","args":[1]}`, `{"host":"go","tty":1}`,
		`{"host":"go","args":["lint","a"],"walked":{"files":[{"path":"a","bytes":5}],"cards":[]}}` + "\nabc",
		`{"host":"go","args":["lint","a"],"walked":{"files":[{"path":"a","bytes":1}],"cards":[]}}` + "\nabc",
		`{"host":"go","args":["lint","a"],"walked":{"files":[{"path":""}],"cards":[]}}`,
		`{"host":"go","args":["lint","a"],"walked":{"files":[{"path":"a","special":"pipe"}],"cards":[]}}`,
		"{\"host\":\"go\",\"args\":[\xff]}",
	} {
		raw := string(Call(OpCLI, []byte(in)))
		assert.True(t, strings.HasPrefix(raw, `{"do":"exit","exit":2,`), "%q: %s", in, raw)
		assert.Contains(t, raw, "wxcard: internal error: ", in)
	}
}

// walkedRun asks for lint with args, then answers the plan with files
// (path → content; "!ENOENT" an error, "|fifo" a special file, "#N" a file
// of N bytes not read), cards likewise.
func walkedRun(t *testing.T, args []string, files, cards [][2]string, env map[string]string) cliAnswer {
	t.Helper()
	h := cliHeader("go", append([]string{"lint"}, args...)...)
	if env != nil {
		h["env"] = env
	}
	plan := askCLI(t, h, "")
	require.Equal(t, "walk", plan.Do, "%+v", plan)
	var blob strings.Builder
	entries := func(fs [][2]string) []map[string]any {
		es := []map[string]any{}
		for _, f := range fs {
			e := map[string]any{"path": f[0]}
			switch c := f[1]; {
			case strings.HasPrefix(c, "!"):
				e["error"] = c[1:]
			case strings.HasPrefix(c, "|"):
				e["special"] = c[1:]
			case strings.HasPrefix(c, "#"):
				n, _ := strconv.Atoi(c[1:])
				e["size"] = n
			default:
				e["bytes"] = len(c)
				blob.WriteString(c)
			}
			for _, p := range plan.Paths {
				if p == f[0] {
					e["explicit"] = true
				}
			}
			es = append(es, e)
		}
		return es
	}
	fe := entries(files)
	ce := entries(cards)
	h["cwd"] = "/w/proj"
	h["walked"] = map[string]any{"files": fe, "cards": ce}
	a := askCLI(t, h, blob.String())
	require.Equal(t, "exit", a.Do)
	return a
}

func TestCLILint(t *testing.T) {
	good := `{"cardList":[{"cardId":"pFS7Fjk0LtPwMj5Iu0Zrx5E8oQrA","code":"c1"}]}`
	bad := `{"cardList":[]}`
	warn := `{"errMsg":"addCard:ok","cardList":[{"cardId":"pFS7Fjk0LtPwMj5Iu0Zrx5E8oQrA","code":"x","isSuccess":false}]}`

	plan := askCLI(t, cliHeader("npm", "lint", "a", "--cards", "c", "b"), "")
	assert.Equal(t, []string{"a", "b"}, plan.Paths)
	assert.Equal(t, []string{"c"}, plan.Cards)
	assert.Equal(t, int64(MaxLintInput), plan.MaxBytes)
	h := cliHeader("npm", "lint", "a")
	h["maxInput"] = 1000
	assert.Equal(t, int64(1000), askCLI(t, h, "").MaxBytes, "the host's smaller limit")

	// Files in byte order of their paths relative to cwd, each once.
	a := walkedRun(t, []string{"--format", "json", "d"}, [][2]string{{"d/b.json", bad}, {"/w/proj/d/B.json", good}, {"d//b.json", good}, {"d/../d/a.json", warn}}, nil, nil)
	assert.Equal(t, 1, a.Exit)
	var rep struct {
		Files []struct{ Path string } `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(a.out), &rep), a.out)
	var paths []string
	for _, f := range rep.Files {
		paths = append(paths, f.Path)
	}
	assert.Equal(t, []string{"d/B.json", "d/a.json", "d/b.json"}, paths)
	assert.True(t, strings.HasSuffix(a.out, "}\n"), "one final newline")

	// Exit statuses: warnings under and over --max-warnings.
	assert.Equal(t, 0, walkedRun(t, []string{"w.json"}, [][2]string{{"w.json", warn}}, nil, nil).Exit)
	a = walkedRun(t, []string{"--max-warnings", "0", "w.json"}, [][2]string{{"w.json", warn}}, nil, nil)
	assert.Equal(t, 1, a.Exit)
	assert.Equal(t, "wxcard lint: 1 warnings, more than --max-warnings 0\n", a.err)
	assert.Equal(t, 0, walkedRun(t, []string{"--max-warnings", "1", "w.json"}, [][2]string{{"w.json", warn}}, nil, nil).Exit)

	// The locale from LANG, and colour from the terminal's facts.
	a = walkedRun(t, []string{"b.json"}, [][2]string{{"b.json", bad}}, nil, map[string]string{"LANG": "zh_TW.UTF-8", "FORCE_COLOR": "1"})
	assert.Contains(t, a.out, "cardList 为空")
	assert.Contains(t, a.out, "\x1b[")

	// What could not be read: the first, cards first; a ticket-like PATH never echoed.
	a = walkedRun(t, []string{"x.json", "y.json"}, [][2]string{{"x.json", "!ENOENT"}, {"y.json", "!EACCES"}}, nil, nil)
	assert.Equal(t, []any{2, "", "wxcard lint: cannot read x.json: no such file or directory\n"}, []any{a.Exit, a.out, a.err})
	a = walkedRun(t, []string{"--cards", "c", "y.json"}, [][2]string{{"y.json", "!EACCES"}}, [][2]string{{"c", "!not a directory"}}, nil)
	assert.Equal(t, "wxcard lint: --cards: cannot read c: not a directory\n", a.err)
	a = walkedRun(t, []string{"ojZ8YtyVyr30HheH3CM73y7h4jJE"}, [][2]string{{"ojZ8YtyVyr30HheH3CM73y7h4jJE", "!ENOENT"}}, nil, nil)
	assert.Equal(t, "wxcard lint: "+CLIRefuseTicketArg+"\n", a.err)
	assert.NotContains(t, a.err, "ojZ8")

	// Special and huge files are reported, not read.
	a = walkedRun(t, []string{"p.json", "big.json"}, [][2]string{{"p.json", "|fifo"}, {"big.json", "#200000000"}}, nil, nil)
	assert.Equal(t, 1, a.Exit)
	assert.Contains(t, a.out, "lint-file-invalid")
	assert.Contains(t, a.out, "payload-limit")

	// Card definitions: an object keyed by cardId, a card/get response; repeats and shapes refused.
	custom := `{"cardList":[{"cardId":"pFS7Fjk0LtPwMj5Iu0Zrx5E8oQrA","cardExt":"{\"timestamp\":1404896688,\"nonce_str\":\"a\",\"signature\":\"f137ab68b7f8112d20ee528ab6074564e2796250\"}"}]}`
	defs := `{"pFS7Fjk0LtPwMj5Iu0Zrx5E8oQrA":{"use_custom_code":true}}`
	raw := `{"errcode":0,"card":{"card_type":"GROUPON","groupon":{"base_info":{"id":"pFS7Fjk0LtPwMj5Iu0Zrx5E8oQrA","use_custom_code":true}}}}`
	for _, d := range []string{defs, raw} {
		a = walkedRun(t, []string{"--cards", "c.json", "a.json"}, [][2]string{{"a.json", custom}}, [][2]string{{"c.json", d}}, nil)
		assert.Contains(t, a.out, "code-required", d)
	}
	a = walkedRun(t, []string{"a.json"}, [][2]string{{"a.json", custom}}, nil, nil)
	assert.NotContains(t, a.out, "code-required", "no definition, no rule")
	for d, msg := range map[string]string{
		"[1]":                       "--cards c.json: not a JSON object of card definitions keyed by cardId",
		"{":                         "--cards c.json: not a JSON object of card definitions keyed by cardId",
		`{"card":{"cardType":"X"}}`: "--cards c.json: a card/get response without card.card_type",
		`{"card":{"card_type":"GROUPON","groupon":{"BASE_INFO":{}}}}`: "--cards c.json: a card/get response without card.groupon.base_info.id",
	} {
		a = walkedRun(t, []string{"--cards", "c.json", "a.json"}, [][2]string{{"a.json", good}}, [][2]string{{"c.json", d}}, nil)
		assert.Equal(t, "wxcard lint: "+msg+"\n", a.err, d)
		assert.Equal(t, 2, a.Exit)
	}
	a = walkedRun(t, []string{"--cards", "c", "a.json"}, [][2]string{{"a.json", good}}, [][2]string{{"c/2.json", `{"pB":{},"pA":{}}`}, {"c/1.json", `{"pB":{},"pA":{}}`}}, nil)
	assert.Equal(t, "wxcard lint: --cards: card \"pA\" is defined in both c/1.json and c/2.json\n", a.err)

	// Names that are not UTF-8 come as bytes: two of them stay two files.
	h = cliHeader("go", "lint", "d")
	h["cwd"] = "/w"
	h["walked"] = map[string]any{"files": []any{
		map[string]any{"pathBytes": 6, "bytes": len(bad)}, map[string]any{"pathBytes": 6, "bytes": len(bad)},
	}, "cards": []any{}}
	a = askCLI(t, h, "d/\xff.js"+bad+"d/\xfe.js"+bad)
	assert.Equal(t, 2, strings.Count(a.out, "payload-shape"), a.out)
	assert.Contains(t, a.out, "d/\xfe.js")
	h["walked"] = map[string]any{"files": []any{map[string]any{"path": "a", "pathBytes": 1}}, "cards": []any{}}
	assert.Contains(t, askCLI(t, h, "a").err, "internal error", "a path and pathBytes")

	// Over the plan's limit in all.
	h = cliHeader("go", "lint", "a")
	h["walked"] = map[string]any{"files": []any{}, "cards": []any{}, "over": 5 << 20}
	a = askCLI(t, h, "")
	assert.Equal(t, 2, a.Exit)
	assert.Contains(t, a.err, "the most one run reads")
}

func TestCLIRun(t *testing.T) {
	plan := askCLI(t, cliHeader("npm", "run", "validateCardList"), "")
	require.Equal(t, "stdin", plan.Do)
	assert.Equal(t, int64(MaxLintInput), plan.MaxBytes)
	in := "{\"payload\":{\"cardList\":[]}}\xff"
	h := cliHeader("npm", "run", "validateCardList")
	h["stdin"] = map[string]any{"bytes": len(in)}
	a := askCLI(t, h, in)
	assert.Equal(t, 0, a.Exit)
	assert.Equal(t, string(Call(OpValidateCardList, []byte(in)))+"\n", a.out)
	h["stdin"] = map[string]any{"size": MaxLintInput + 1}
	assert.Equal(t, "wxcard run: stdin is larger than 33554432 bytes (32 MiB), the most a request may be\n", askCLI(t, h, "").err)
	h["stdin"] = map[string]any{"error": "EIO"}
	assert.Equal(t, "wxcard run: reading stdin: input/output error\n", askCLI(t, h, "").err)
}

func TestCLIFlagInt(t *testing.T) {
	for s, want := range map[string]int64{"0": 0, "-1": -1, "+7": 7, "0010": 10, "9223372036854775807": 1<<63 - 1, "-9223372036854775808": -1 << 63} {
		n, err := parseFlagInt(s)
		assert.Equal(t, "", err, s)
		assert.Equal(t, want, n, s)
	}
	for s, want := range map[string]string{"": "parse error", "-": "parse error", "1.5": "parse error", "0x10": "parse error", "1_0": "parse error", "中": "parse error",
		"9223372036854775808": "value out of range", "-9223372036854775809": "value out of range", "99999999999999999999": "value out of range"} {
		_, err := parseFlagInt(s)
		assert.Equal(t, want, err, s)
	}
}

// cleanPath and relPath are path.Clean and filepath.Rel (on slash paths).
func TestCLIPaths(t *testing.T) {
	for _, p := range []string{"", ".", "/", "a//b/../c/", "/../x", "../../x/..", "./a", "a/./b/.", "//a", "a/..", "/a/b/../../.."} {
		assert.Equal(t, path.Clean(p), cleanPath(p), p)
	}
	for _, c := range [][2]string{{"/a/b", "/a/b"}, {"/a/b", "/a/c/d"}, {"/", "/x/y"}, {"/a/b/c", "/a"}, {"/a", "/ab"}, {"/w", "/w/x/../y"}} {
		want, err := filepath.Rel(c[0], c[1])
		require.NoError(t, err)
		assert.Equal(t, want, relPath(c[0], c[1]), c)
	}
	assert.Equal(t, "a/b", relPath("/w", "a//b"))
	assert.Equal(t, "../x", relPath("/w", "../x"))
	assert.Equal(t, "a", relPath("", "./a"))
}

func TestCLIRedact(t *testing.T) {
	assert.Equal(t, "x [redacted] y", CLIRedact("x ojZ8YtyVyr30HheH3CM73y7h4jJE y"))
	assert.Equal(t, "[redacted]", CLIRedact("ojZ8YtyVyr30HheH3CM73y7h4jJE"))
	assert.Equal(t, "short_one-19chars_x", CLIRedact("short_one-19chars_x"))
	assert.True(t, LooksLikeSecretArg("ojZ8YtyVyr30HheH3CM73y7h4jJE"))
	assert.False(t, LooksLikeSecretArg("validateCardList"))
	assert.False(t, LooksLikeSecretArg("a-directory_with/name-12"))
}

// cliVectors are requests to the cli op that every runtime must answer with
// the same bytes: the words, a plan, and lint and run over what a host read.
func cliVectors() map[string]string {
	head := func(extra string, args ...string) string {
		b, _ := json.Marshal(args)
		return `{"host":"npm","version":"1.2.3","args":` + string(b) + `,"env":{"LANG":"zh_CN.UTF-8"},"tty":true` + extra + "}\n"
	}
	files := `{"cardList":[]}` + "\n" + "{\"cardList\":[{\"cardId\":\"p1\",\"code\":\"\xff\"}]}" + `{"p1":{"use_custom_code":true}}`
	walked := `,"cwd":"/w","walked":{"files":[{"path":"a/x.json","bytes":16},{"path":"/w/a/b.json","explicit":true,"bytes":` +
		strconv.Itoa(len("{\"cardList\":[{\"cardId\":\"p1\",\"code\":\"\xff\"}]}")) + `},{"path":"a/fifo.json","special":"fifo"},{"path":"a/big.json","size":2000000}],` +
		`"cards":[{"path":"c.json","explicit":true,"bytes":31}]}`
	return map[string]string{
		"help":           head("", "--help"),
		"no-args":        head(""),
		"usage-error":    head("", "lint", "--max-warnings", "x", "."),
		"go-only":        head("", "sign"),
		"lint-plan":      head("", "lint", "--cards", "c.json", "a", "/w/a/b.json"),
		"lint-walked":    head(walked, "lint", "--cards", "c.json", "a", "/w/a/b.json") + files,
		"lint-walked-go": strings.Replace(head(walked, "lint", "--format", "sarif", "--locale", "en", "--cards", "c.json", "a", "/w/a/b.json"), `"npm"`, `"go"`, 1) + files,
		"lint-missing":   head(`,"cwd":"/w","walked":{"files":[{"path":"nope","explicit":true,"error":"ENOENT"}],"cards":[]}`, "lint", "nope"),
		"lint-byte-names": head(`,"cwd":"/w","walked":{"files":[{"pathBytes":8,"bytes":15},{"path":"a/\u00d6.json","bytes":15}],"cards":[]}`, "lint", "a") +
			"a/\xd6.json" + `{"cardList":[]}{"cardList":[]}`,
		"run-plan":  head("", "run", "validateCardList"),
		"run-stdin": head(`,"stdin":{"bytes":27}`, "run", "validateCardList") + `{"payload":{"cardList":[]}}`,
		"malformed": "{\"host\":\"npm\",\"args\":[\"lint\"],\"walked\":{\"files\":[{\"path\":\"a\",\"bytes\":9}],\"cards\":[]}}\nabc",
	}
}

// TestWriteCLIVectors writes cliVectors under $WXCARD_WRITE_VECTORS/cli.
func TestWriteCLIVectors(t *testing.T) {
	vs := cliVectors()
	for name, in := range vs {
		assert.True(t, strings.HasPrefix(string(Call(OpCLI, []byte(in))), `{"do":`), name)
	}
	dir := os.Getenv("WXCARD_WRITE_VECTORS")
	if dir == "" {
		return
	}
	d := filepath.Join(dir, OpCLI)
	require.NoError(t, os.MkdirAll(d, 0o755))
	for name, in := range vs {
		require.NoError(t, os.WriteFile(filepath.Join(d, name+".input.json"), []byte(in), 0o644))
	}
}

// FuzzCLI: whatever a host sends, the answer is a plan or an exit answer
// whose lengths add up, and nothing panics.
func FuzzCLI(f *testing.F) {
	for _, in := range cliVectors() {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		a, err := cliwire.Decode(Call(OpCLI, in))
		require.NoError(t, err)
		switch a.Do {
		case "exit", "walk", "stdin", "sign", "verify":
		default:
			t.Fatalf("answer %q", a.Do)
		}
		if a.Do != "exit" {
			require.Empty(t, a.Out, "a plan holds no bytes")
		}
	})
}
