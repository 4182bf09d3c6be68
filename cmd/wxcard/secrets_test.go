package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A ticket planted in every place a user could put it — a stdin value and
// key, the ticket file's name, the environment (with a newline), a linted
// file, a run request — never comes back, whole or in part, in anything
// sign, verify, lint or run write.
func TestTicketNeverInOutput(t *testing.T) {
	const ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
	dir := t.TempDir()
	file := filepath.Join(dir, "ticket")
	require.NoError(t, os.WriteFile(file, []byte(ticket+"\n"), 0o600))
	asDir := filepath.Join(dir, ticket) // a directory named like the ticket
	require.NoError(t, os.Mkdir(asDir, 0o700))
	lintDir := filepath.Join(dir, "payloads")
	require.NoError(t, os.Mkdir(lintDir, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(lintDir, "config.json"), []byte(`{"api_ticket":"`+ticket+`"}`), 0o600))

	env := map[string]string{envTicket: ticket}
	item := `{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":"{\"timestamp\":1404896688,\"nonce_str\":\"n1\",\"outer_str\":\"` + ticket + `\",\"code\":\"` + ticket[:20] + `\",\"signature\":\"` + strings.Repeat("a", 40) + `\"}"}`
	cases := []cliCase{
		{name: "sign, ticket as a stdin value", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{"outer_str":"` + ticket + `"}`, env: env},
		{name: "sign, ticket as a stdin key", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{"` + ticket + `":"x"}`, env: env},
		{name: "sign, ticket file", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "--ticket-file", file}, stdin: `{"code":"` + ticket[10:40] + `"}`},
		{name: "sign, ticket file is a directory named like the ticket", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "--ticket-file", asDir}, stdin: `{}`},
		{name: "sign, env ticket with a newline", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{}`, env: map[string]string{envTicket: ticket[:40] + "\n" + ticket[40:]}},
		{name: "verify text, ticket in the cardExt", args: []string{"verify"}, stdin: item, env: env},
		{name: "verify json, ticket in the cardExt", args: []string{"verify", "--format", "json"}, stdin: item, env: env},
		{name: "verify, ticket as a stdin key", args: []string{"verify"}, stdin: `{"cardId":"p","cardExt":"{\"` + ticket + `\":1}"}`, env: env},
		{name: "verify, broken stdin around the ticket", args: []string{"verify"}, stdin: `{"cardId":"` + ticket + `",`, env: env},
		{name: "lint, a file holding the ticket", args: []string{"lint", "--format", "json", lintDir}},
		{name: "run, the ticket in a payload", args: []string{"run", "validateCardList"}, stdin: `{"payload":{"cardList":[{"cardId":"p","cardExt":"{\"api_ticket\":\"` + ticket + `\"}"}]},"options":{}}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := c.run(t)
			// What the program wrote, not the harness's echo of the command line.
			out = out[strings.Index(out, "-- exit --"):]
			// Nothing of the ticket: not whole, and no 12 bytes of it.
			for k := 0; k+12 <= len(ticket); k++ {
				if !assert.NotContains(t, out, ticket[k:k+12], "a piece of the ticket at %d", k) {
					t.Log(out)
					break
				}
			}
		})
	}
}

// A broken file named on the command line is an error, never "no card
// payload"; found by walking a folder it is not ours and passes.
func TestNamedBrokenFileIsAnError(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "payloads"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "payloads", "broken.json"), []byte("{ broken json"), 0o600))
	t.Chdir(dir)
	named := cliCase{name: "named", args: []string{"lint", "payloads/broken.json"}}.run(t)
	assert.Contains(t, named, "-- exit --\n1\n")
	assert.Contains(t, named, "lint-file-invalid")
	walked := cliCase{name: "walked", args: []string{"lint", "payloads"}}.run(t)
	assert.Contains(t, walked, "-- exit --\n0\n")
	assert.NotContains(t, walked, "lint-file-invalid")
}
