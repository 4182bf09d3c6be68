// Package benchdata holds the request the core's benchmarks and
// build/wasmprof's profile share, so both speak of the same bytes.
package benchdata

import (
	"encoding/json"
	"strconv"
)

// The card and signature of WeChat's official signing example: a valid
// pair (the rules check a signature's form, never recompute it).
const (
	CardID    = "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"
	Signature = "f137ab68b7f8112d20ee528ab6074564e2796250"
)

// ValidateCardList is a validateCardList request of n realistic, valid
// cards, each cardExt a JSON string as wx.addCard takes it.
func ValidateCardList(n int) []byte {
	b := []byte(`{"payload":{"cardList":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		ext := `{"code":"` + strconv.Itoa(1434008071+i) + `","openid":"oFS7Fjl0WsZ9AMZqrI80nbIq8xrA","timestamp":1404896688,` +
			`"nonce_str":"kM3fT8qZ` + strconv.Itoa(i) + `","outer_str":"shop-12","signature":"` + Signature + `"}`
		s, _ := json.Marshal(ext) // only ASCII letters, digits and quotes: escaped as the core would
		b = append(b, `{"cardId":"`+CardID+`","cardExt":`...)
		b = append(b, s...)
		b = append(b, '}')
	}
	return append(b, `]},"options":{"locale":"en"}}`...)
}
