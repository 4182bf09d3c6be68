package host_test

import (
	"context"
	"fmt"
	"log"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

// A backend checks the wx.addCard options it is about to send to a mini
// program with the very code the mini program's build step runs.
func Example() {
	ctx := context.Background()
	rt, err := host.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)

	payload := map[string]any{"cardList": []map[string]string{{
		"cardId":  "pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
		"cardExt": `{"timestamp":"1700000000","nonce_str":"k3mZq8x2Lw","signature":"0123456789abcdef0123456789abcdef01234567"}`,
	}}}
	out, err := rt.ValidateCardList(ctx, payload, card.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("ok:", out.OK)
	// Output: ok: true
}

// Call is the raw form: JSON request in, JSON output out, exactly the bytes
// every other runtime returns.
func ExampleRuntime_Call() {
	ctx := context.Background()
	rt, err := host.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)

	out, err := rt.Call(ctx, card.OpBuildOpenCard, []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"310000000001"}]},"options":{}}`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", out)
}

// The typed methods decode the result into the core's types.
func ExampleRuntime_BuildAddCard() {
	ctx := context.Background()
	rt, err := host.New(ctx)
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)

	out, err := rt.BuildAddCard(ctx, map[string]any{"cardList": []any{map[string]any{
		"cardId":  "pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
		"cardExt": map[string]any{"timestamp": 1700000000, "nonce_str": "k3mZq8x2Lw", "signature": "0123456789abcdef0123456789abcdef01234567"},
	}}}, card.Options{Locale: "zh-CN"})
	if err != nil {
		log.Fatal(err)
	}
	if opts, ok := out.Result.(*card.AddCardOptions); ok {
		fmt.Println(opts.CardList[0].CardExt) // the JSON string wx.addCard wants
	}
}

// Tests and short-lived tools that must not write to the user's cache
// directory compile in memory instead.
func ExampleWithoutCache() {
	ctx := context.Background()
	rt, err := host.New(ctx, host.WithoutCache(), host.WithPoolSize(1))
	if err != nil {
		log.Fatal(err)
	}
	defer rt.Close(ctx)
}
