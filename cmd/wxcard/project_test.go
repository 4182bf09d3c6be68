package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README tells users to put `npx wxcard lint …` in project.config.json's
// scripts.beforeCompile and beforeUpload. Run exactly those commands (the Go
// CLI takes the same words) in the sample mini program under tests/.
func TestDocumentedProjectScripts(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "tests", "miniprogram"))
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(dir, "project.config.json"))
	require.NoError(t, err)
	var cfg struct{ Scripts map[string]string }
	require.NoError(t, json.Unmarshal(raw, &cfg))
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	t.Chdir(dir)
	for _, hook := range []string{"beforeCompile", "beforeUpload"} {
		cmd := cfg.Scripts[hook]
		require.True(t, strings.HasPrefix(cmd, "npx --no-install wxcard lint "), "%s: %q", hook, cmd)
		assert.Contains(t, string(readme), `"`+hook+`": "`+cmd+`"`, "the README documents this command")
		c := cliCase{name: hook, args: strings.Fields(strings.TrimPrefix(cmd, "npx --no-install wxcard "))}
		out := c.run(t)
		assert.Contains(t, out, "-- exit --\n0\n", out)
		assert.Contains(t, out, "no problems in 4 files", out)
	}
}

// Every report format in both locales, on the examples (which hold
// deliberate mistakes), against golden files.
func TestLintFormatsGolden(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	require.NoError(t, err)
	golden, err := filepath.Abs(goldenDir)
	require.NoError(t, err)
	t.Chdir(filepath.Dir(root))
	for _, format := range []string{"text", "json", "sarif", "github"} {
		for _, locale := range []string{"en", "zh-CN"} {
			name := "lint-examples-" + format + "-" + locale
			t.Run(name, func(t *testing.T) {
				c := cliCase{name: name, args: []string{"lint", "--format", format, "--locale", locale, "examples"}}
				got := c.run(t)
				path := filepath.Join(golden, name+".golden")
				if *update {
					require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
					return
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run go test ./cmd/wxcard -update")
				assert.Equal(t, string(want), got)
				assert.Contains(t, got, "-- exit --\n1\n")
			})
		}
	}
}

// The text report is coloured when FORCE_COLOR asks, not when NO_COLOR
// forbids it, and never in another format (the npm CLI decides alike: its
// parity test runs the same cases).
func TestLintColor(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	require.NoError(t, err)
	t.Chdir(filepath.Dir(root))
	const esc = "\x1b["
	for _, tc := range []struct {
		env    map[string]string
		format string
		color  bool
	}{
		{map[string]string{"FORCE_COLOR": "1"}, "text", true},
		{map[string]string{"FORCE_COLOR": "0"}, "text", false},
		{map[string]string{"FORCE_COLOR": "false"}, "text", false},
		{map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, "text", false},
		{map[string]string{"FORCE_COLOR": "1"}, "json", false},
		{map[string]string{}, "text", false}, // a buffer, not a terminal
	} {
		c := cliCase{name: "color", args: []string{"lint", "--format", tc.format, "examples/coupons"}, env: tc.env}
		got := c.run(t)
		assert.Equal(t, tc.color, strings.Contains(got, esc), "%v %s:\n%s", tc.env, tc.format, got)
		if tc.color {
			assert.Contains(t, got, esc+"31merror"+esc+"39m", got)
			assert.Contains(t, got, esc+"4mexamples/coupons/md5-sign-and-card-fields.json"+esc+"24m", got)
		}
	}
}
