// Command firstanswer is a fresh process that wants one answer: it starts a
// host.Runtime (from the cache dir in its first argument, or compiling in
// memory when that is empty), validates a 10-card payload and prints how
// many nanoseconds that took inside the process. BenchmarkFirstAnswer in
// package host runs it; it is a small program so that the figure is not
// blurred by a test binary's own start-up.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

func main() {
	start := time.Now()
	ctx := context.Background()
	opt := host.WithoutCache()
	if len(os.Args) > 1 && os.Args[1] != "" {
		opt = host.WithCacheDir(os.Args[1])
	}
	rt, err := host.New(ctx, opt)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := rt.Call(ctx, card.OpValidateCardList, payload(10))
	if err != nil || len(out) == 0 {
		fmt.Fprintln(os.Stderr, "call:", err)
		os.Exit(1)
	}
	fmt.Println(time.Since(start).Nanoseconds())
	// As a well-behaved program does: Close leaves the compiled code in the
	// cache for the next process, even when this one answered on the bridge.
	rt.Close(ctx)
}

// payload is a realistic request of n cards, cardExt as a JSON string.
func payload(n int) []byte {
	b := []byte(`{"payload":{"cardList":[`)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, `{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMk%04d","cardExt":"{\"code\":\"%012d\",\"openid\":\"oFS7Fjl0WsZ9AMZqrI80nbIq8xrA\",\"timestamp\":\"%d\",\"nonce_str\":\"k3mZq8x2Lw%06d\",\"signature\":\"%040x\"}"}`,
			i, 310000000000+i, 1700000000+i, i, i*7919)
	}
	return append(b, `]},"options":{}}`...)
}
