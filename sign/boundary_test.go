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
}

var wasmExport = regexp.MustCompile(`^//go:wasmexport\s+(\S+)`)

// Nothing under wasm/ imports SHA-1 or this package, and the guest exports
// nothing named after signing or a ticket.
func TestBoundaryWasmSources(t *testing.T) {
	var files int
	err := filepath.WalkDir(filepath.Join(repoRoot, "wasm"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		files++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			assert.NotEqual(t, "crypto/sha1", p, "%s imports crypto/sha1", path)
			assert.NotEqual(t, signPkg, p, "%s imports the sign package", path)
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		for sc.Scan() {
			if m := wasmExport.FindStringSubmatch(strings.TrimSpace(sc.Text())); m != nil {
				name := strings.ToLower(m[1])
				assert.False(t, strings.Contains(name, "sign") || strings.Contains(name, "ticket"),
					"%s exports %s", path, m[1])
			}
		}
		return sc.Err()
	})
	require.NoError(t, err)
	assert.NotZero(t, files, "no Go files under wasm/")
}

var (
	jsSHA1   = regexp.MustCompile(`(?i)\bsha-?1\b`)
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
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "node_modules" || (d.Name() != "." && strings.HasPrefix(d.Name(), ".")) {
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
		assert.False(t, jsSHA1.Match(src), "%s mentions SHA-1", path)
		assert.Nil(t, jsSigner.Find(src), "%s exports a signer or a ticket", path)
		assert.False(t, jsImport.Match(src), "%s imports the sign package", path)
		return nil
	})
	require.NoError(t, err)
}

func TestBoundaryPatterns(t *testing.T) {
	for _, s := range []string{"export function signCardExt(", "export const apiTicket =", "export async function sign(", "export function getTicket()"} {
		assert.NotNil(t, jsSigner.FindString(s), s)
	}
	for _, s := range []string{"export function validateCardList(", "export const signatureFormat =", "export interface Ticket"} {
		assert.Nil(t, jsSigner.FindStringIndex(s), s)
	}
	assert.True(t, jsSHA1.MatchString(`crypto.subtle.digest("SHA-1", b)`))
	assert.True(t, jsSHA1.MatchString(`createHash('sha1')`))
	assert.False(t, jsSHA1.MatchString(`sha256`))
	assert.Equal(t, []string{"//go:wasmexport wxcard_sign", "wxcard_sign"}, wasmExport.FindStringSubmatch("//go:wasmexport wxcard_sign"))
}
