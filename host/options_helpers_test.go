package host_test

import "github.com/wxcard/wxcard/wasm/card"

type cardOptions = card.Options

func cardOptionsOf(fs []func(*cardOptions)) card.Options {
	var o card.Options
	for _, f := range fs {
		f(&o)
	}
	return o
}
