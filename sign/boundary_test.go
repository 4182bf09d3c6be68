package sign

import (
	"bufio"
	"bytes"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const signPkg = "github.com/wxcard/wxcard/sign"

// repoRoot is the module root: tests run in the package directory.
const repoRoot = ".."

// The wasm guest must not be able to sign: neither this package nor SHA-1
// may be linked into it.
func TestBoundaryGuestDeps(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not on PATH")
	}
	cmd := exec.Command(goBin, "list", "-deps", "./wasm/guest")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/wxcard/wxcard/wasm/card", "go list did not see the core")
	assert.NotContains(t, deps, signPkg)
	assert.NotContains(t, deps, "crypto/sha1")
	// No cryptography at all: the JS hosts serve the module's random_get
	// from Math.random (js/index.js), which is only sound while nothing in
	// the guest needs secret randomness.
	for _, d := range deps {
		assert.False(t, d == "crypto" || strings.HasPrefix(d, "crypto/"), "the guest depends on %s", d)
	}
}

var wasmExport = regexp.MustCompile(`^//go:wasmexport\s+(\S+)`)

// Nothing under wasm/ imports SHA-1 or this package, and the guest exports
// nothing named after signing or a ticket.
func TestBoundaryWasmSources(t *testing.T) {
	root := filepath.Join(repoRoot, "wasm")
	findings, files, err := scanWasm(root)
	require.NoError(t, err)
	assert.NotZero(t, files, "no Go files under wasm/")
	assert.Empty(t, findings)
}

func TestBoundaryWasmScanFinds(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"card/ok.go":    "package card\n\nimport \"crypto/sha256\"\n\nvar _ = sha256.New\n",
		"card/bad.go":   "package card\n\nimport (\n\t\"crypto/sha1\"\n\t_ \"github.com/wxcard/wxcard/sign\"\n)\n\nvar _ = sha1.New\n",
		"guest/main.go": "package main\n\n//go:wasmexport wxcard_call\nfunc call() {}\n\n//go:wasmexport wxcard_sign_card\nfunc s() {}\n\n//go:wasmexport set_Ticket\nfunc t() {}\n",
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	findings, n, err := scanWasm(root)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.Equal(t, []string{
		"card/bad.go: imports crypto/sha1",
		"card/bad.go: imports github.com/wxcard/wxcard/sign",
		"guest/main.go: exports set_Ticket",
		"guest/main.go: exports wxcard_sign_card",
	}, findings)
}

func scanWasm(root string) (findings []string, files int, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		files++
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == "crypto/sha1" || p == signPkg {
				findings = append(findings, rel+": imports "+p)
			}
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		for sc.Scan() {
			if m := wasmExport.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
				name := strings.ToLower(m[1])
				if strings.Contains(name, "sign") || strings.Contains(name, "ticket") {
					findings = append(findings, rel+": exports "+m[1])
				}
			}
		}
		return sc.Err()
	})
	slices.Sort(findings)
	return findings, files, err
}

var (
	// Hashing with SHA-1, not a comment that mentions it.
	jsSHA1   = regexp.MustCompile(`(?i)createHash\(\s*['"]sha-?1['"]|digest\(\s*(?:\{\s*name\s*:\s*)?['"]sha-?1['"]|(?:from|require\()\s*['"][^'"]*sha-?1[^'"]*['"]`)
	jsSigner = regexp.MustCompile(`export\s+(?:default\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+([sS]ign|[sS]ign[A-Z_]\w*|\w*[tT]icket\w*)\b`)
	jsImport = regexp.MustCompile(`wxcard/sign\b`)
)

// Nothing in the JS package hashes with SHA-1 or exports a signer or a
// ticket. Without js/ (it lives on another branch) there is nothing to check.
func TestBoundaryJSSources(t *testing.T) {
	root := filepath.Join(repoRoot, "js")
	if _, err := os.Stat(root); os.IsNotExist(err) {
		t.Skip("no js/ in this tree")
	}
	findings, err := scanJS(root)
	require.NoError(t, err)
	assert.Empty(t, findings)
}

// The scan finds what it looks for, and skips node_modules.
func TestBoundaryJSScanFinds(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"src/ok.js":               "export function validateCardList(p) {}\n// the server signs (SHA-1)\n",
		"src/bad.mjs":             "export async function signCardExt(t) { return crypto.subtle.digest('SHA-1', t) }\n",
		"types/index.d.ts":        "export const apiTicket: string\n",
		"node_modules/x/index.js": "require('crypto').createHash('sha1')\n",
		"src/readme.md":           "createHash('sha1')\n",
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	findings, err := scanJS(root)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"src/bad.mjs: exports a signer or a ticket",
		"src/bad.mjs: hashes with SHA-1",
		"types/index.d.ts: exports a signer or a ticket",
	}, findings)
}

func scanJS(root string) ([]string, error) {
	var findings []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if jsSigner.Match(src) {
			findings = append(findings, rel+": exports a signer or a ticket")
		}
		if jsSHA1.Match(src) {
			findings = append(findings, rel+": hashes with SHA-1")
		}
		if jsImport.Match(src) {
			findings = append(findings, rel+": imports the sign package")
		}
		return nil
	})
	slices.Sort(findings)
	return findings, err
}

func TestBoundaryPatterns(t *testing.T) {
	for _, s := range []string{"export function signCardExt(", "export const apiTicket =", "export async function sign(", "export function getTicket()"} {
		assert.NotNil(t, jsSigner.FindString(s), s)
	}
	for _, s := range []string{"export function validateCardList(", "export const signatureFormat =", "export interface Ticket"} {
		assert.Nil(t, jsSigner.FindStringIndex(s), s)
	}
	for _, s := range []string{`crypto.subtle.digest("SHA-1", b)`, `subtle.digest({ name: 'SHA-1' }, b)`, `createHash('sha1')`,
		`import sha1 from 'js-sha1'`, `const sha1 = require("crypto-js/sha1")`} {
		assert.True(t, jsSHA1.MatchString(s), s)
	}
	for _, s := range []string{`createHash('sha256')`, `/** signature: 40 lower-case hex digits of a SHA-1 */`} {
		assert.False(t, jsSHA1.MatchString(s), s)
	}
	assert.Equal(t, []string{"//go:wasmexport wxcard_sign", "wxcard_sign"}, wasmExport.FindStringSubmatch("//go:wasmexport wxcard_sign"))
}
