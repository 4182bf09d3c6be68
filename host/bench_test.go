package host_test

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

var sink []byte

// BenchmarkValidateCardList times one call through wazero and, in the same
// run and for the same number of calls, native card.Call, and reports the
// ratio as wasm/native (target: ≤ 3 for 10 cards).
func BenchmarkValidateCardList(b *testing.B) {
	rt := newRuntime(b, host.WithPoolSize(1))
	ctx := context.Background()
	for _, n := range []int{1, 10, 100} {
		in := request(b, cardListPayload(n))
		b.Run(fmt.Sprintf("cards=%d/native", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				sink = card.Call(card.OpValidateCardList, in)
			}
		})
		b.Run(fmt.Sprintf("cards=%d/wazero", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			start := time.Now()
			for range b.N {
				sink = card.Call(card.OpValidateCardList, in)
			}
			native := time.Since(start)
			b.ResetTimer()
			for range b.N {
				out, err := rt.Call(ctx, card.OpValidateCardList, in)
				if err != nil {
					b.Fatal(err)
				}
				sink = out
			}
			b.StopTimer()
			b.ReportMetric(float64(native.Nanoseconds())/float64(b.N), "native-ns/op")
			b.ReportMetric(float64(b.Elapsed())/float64(max(native, 1)), "wasm/native")
		})
	}
}

// BenchmarkThroughput shares one Runtime (pool = GOMAXPROCS) between 1 to
// GOMAXPROCS goroutines; calls/s shows how it scales.
func BenchmarkThroughput(b *testing.B) {
	procs := runtime.GOMAXPROCS(0)
	rt := newRuntime(b)
	in := request(b, cardListPayload(10))
	ctx := context.Background()
	for g := 1; ; g = min(g*2, procs) {
		b.Run(fmt.Sprintf("goroutines=%d", g), func(b *testing.B) {
			var wg sync.WaitGroup
			for w := range g {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < b.N; i += g {
						if _, err := rt.Call(ctx, card.OpValidateCardList, in); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
		})
		if g == procs {
			return
		}
	}
}

// BenchmarkFirstAnswer is the latency of a fresh process's first answer,
// with a small program (internal/firstanswer) built for the purpose: ns/op
// and process-ms are exec to exit (Close included: without a cache it waits
// for the compiler); in-process-ms is New plus the first call inside it.
// warm-cache reads compiled code from a cache dir filled beforehand (target
// ≤ 150 ms); no-cache compiles, and answers on the interpreter meanwhile.
func BenchmarkFirstAnswer(b *testing.B) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	exe := filepath.Join(b.TempDir(), "firstanswer")
	if out, err := exec.Command(goCmd, "build", "-o", exe, "./internal/firstanswer").CombinedOutput(); err != nil {
		b.Fatalf("building the probe: %v\n%s", err, out)
	}
	run := func(b *testing.B, cacheDir string) time.Duration {
		var stderr bytes.Buffer
		cmd := exec.Command(exe, cacheDir)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, stderr.Bytes())
		}
		ns, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
		if err != nil {
			b.Fatalf("probe said %q", out)
		}
		return time.Duration(ns)
	}
	for _, mode := range []string{"warm-cache", "no-cache"} {
		b.Run(mode, func(b *testing.B) {
			dir := ""
			if mode == "warm-cache" {
				dir = b.TempDir()
				run(b, dir) // fill the cache, untimed
				b.ResetTimer()
			}
			var inside time.Duration
			for range b.N {
				inside += run(b, dir)
			}
			b.ReportMetric(float64(inside)/1e6/float64(b.N), "in-process-ms")
			b.ReportMetric(float64(b.Elapsed())/1e6/float64(b.N), "process-ms")
		})
	}
}
