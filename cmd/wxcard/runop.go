package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/wxcard/wxcard/wasm/card"
)

// knownOps are never mistaken for a ticket passed positionally.
var knownOps = []string{
	card.OpValidateCardList, card.OpBuildAddCard, card.OpBuildOpenCard, card.OpParseAddCardResult,
	card.OpParseActivateURL, card.OpValidateMemberCardLaunch, card.OpParseReferrerInfo, card.OpLint,
}

// runOp writes exactly the core's output bytes and one newline. The core
// reports an unknown op or bad input itself, so this exits 0 once it ran.
func (a *app) runOp(args []string) int {
	const cmd = "run"
	fs := newFlags(cmd)
	pos, rc, done := a.parseCommand(cmd, fs, args)
	if done {
		return rc
	}
	if len(pos) != 1 {
		for _, p := range pos {
			if looksLikeTicket(p) && !slices.Contains(knownOps, p) {
				return a.fail(cmd, refusePositional())
			}
		}
		return a.usageError(cmd, "want exactly one OP")
	}
	op := pos[0]
	if looksLikeTicket(op) && !slices.Contains(knownOps, op) {
		return a.fail(cmd, refusePositional())
	}
	// At most what the core reads (a lint request's cap), and not a byte
	// more of an endless or huge stdin.
	in, err := io.ReadAll(io.LimitReader(a.stdin, card.MaxLintInput+1))
	if err != nil {
		return a.fail(cmd, "reading stdin: "+err.Error())
	}
	if len(in) > card.MaxLintInput {
		return a.fail(cmd, fmt.Sprintf("stdin is larger than %d bytes (32 MiB), the most a request may be", card.MaxLintInput))
	}
	out := a.call(op, in)
	a.stdout.Write(append(out[:len(out):len(out)], '\n'))
	return exitOK
}
