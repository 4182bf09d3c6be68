package sign

import (
	"testing"
)

func BenchmarkSign(b *testing.B) {
	tk := mustTicket(b, officialTicket)
	p := officialParams()
	b.ReportAllocs()
	for b.Loop() {
		if Sign(tk, p) != officialSignature {
			b.Fatal("wrong signature")
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	bl := Builder{Ticket: mustTicket(b, officialTicket), Now: fixedNow}
	ext := CardExt{Code: officialCode}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.Build(officialCardID, ext); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	tk := mustTicket(b, officialTicket)
	item := itemOf(officialCardID, officialExt(officialSignature))
	b.ReportAllocs()
	for b.Loop() {
		if !Verify(tk, item).OK {
			b.Fatal("does not verify")
		}
	}
}

// BenchmarkVerifyExplain is the worst case: a signature no known mistake
// reproduces, so every recomputation (with the 1000 millisecond variants)
// runs before the likely causes are reported.
func BenchmarkVerifyExplain(b *testing.B) {
	tk := mustTicket(b, officialTicket)
	other := mustTicket(b, "kgt8ON7yVITDhtdwci0qeWAqxUMmnsmPTyUB0rTWl3WOfPlW6Ng3O")
	item := itemOf(officialCardID, officialExt(Sign(other, officialParams())))
	b.ReportAllocs()
	for b.Loop() {
		if Verify(tk, item).OK {
			b.Fatal("verifies")
		}
	}
}
