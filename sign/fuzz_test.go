package sign

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wxcard/wxcard/wasm/card"
)

// Verify never panics, and nothing it returns holds the ticket, whatever
// the item.
func FuzzVerify(f *testing.F) {
	f.Add(officialCardID, `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123","signature":"`+officialSignature+`"}`)
	f.Add("", `{"timestamp":"1404896688123","signature":"F137AB68B7F8112D20EE528AB6074564E2796250"}`)
	f.Add("p", `{"timestamp":1e3,"outer_str":null,"fixed_begintimestamp":-1,"signature":"`+officialSignature+`"}`)
	f.Add(officialTicket, `{"code":"`+officialTicket+`","signature":"x"}`)
	f.Add("p", `[1,2]`)
	f.Add("p", "{\"code\":\"\xff\"}")
	tk := mustTicket(f, officialTicket)
	f.Fuzz(func(t *testing.T, cardID, ext string) {
		if strings.Contains(cardID+ext, officialTicket) {
			return // an item that holds the ticket may echo it back
		}
		r := Verify(tk, card.CardListItem{CardID: cardID, CardExt: ext})
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(js), officialTicket) {
			t.Fatalf("result holds the ticket: %s", js)
		}
		if r.OK && (len(r.Mistakes) > 0 || len(r.Likely) > 0) {
			t.Fatalf("ok with mistakes: %+v", r)
		}
		if !r.OK && len(r.Mistakes) == 0 && len(r.Likely) == 0 {
			t.Fatalf("mismatch without a cause: %+v", r)
		}
	})
}

// ParseCardExt never panics; what it accepts builds and verifies.
func FuzzParseCardExt(f *testing.F) {
	f.Add(`{"code":"1434008071","timestamp":1404896688,"nonce_str":"123"}`)
	f.Add(`{"timestamp":"1404896688","outer_str":"<a&b>","fixed_begintimestamp":1}`)
	f.Add(`{"nonceStr":"1"}`)
	f.Add(`{"code":null}`)
	tk := mustTicket(f, officialTicket)
	f.Fuzz(func(t *testing.T, in string) {
		ext, err := ParseCardExt([]byte(in))
		if err != nil {
			return
		}
		item, err := Builder{Ticket: tk, Now: fixedNow, Rand: zeroReader{}}.Build(officialCardID, ext)
		if err != nil {
			return
		}
		if r := Verify(tk, item); !r.OK {
			t.Fatalf("built item does not verify: %s: %s", item.CardExt, r.Message)
		}
	})
}
