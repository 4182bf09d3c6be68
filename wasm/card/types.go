// Package card is the wxcard core: it checks and builds the payloads of the
// WeChat Mini Program card & offer APIs (wx.addCard, wx.openCard and the
// member-card activation component). It is plain data and functions: no I/O,
// no unsafe, no cgo, no global mutable state, so the same code runs natively
// and compiled to GOOS=wasip1, and every runtime returns the same bytes.
package card

// Severity of a diagnostic. Only SeverityError makes an output not ok.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Diagnostic is one finding. Offset, Length, Line and Column are set only
// when the payload was text (Line > 0 tells); File only in lint output.
type Diagnostic struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Message  string   `json:"message"`
	Offset   int      `json:"offset"`
	Length   int      `json:"length"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	File     string   `json:"file,omitempty"`
}

// HasPosition reports whether the diagnostic carries a text position.
func (d Diagnostic) HasPosition() bool { return d.Line > 0 }

// Output is what every operation returns. Result is nil for operations
// without one and whenever a builder could not build.
type Output struct {
	OK          bool         `json:"ok"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Result      any          `json:"result,omitempty"`
	// Report is lint's formatted report (options.format).
	Report string `json:"output,omitempty"`
}

// CardListItem is one wx.addCard cardList entry: cardExt is a JSON string.
type CardListItem struct {
	CardID  string `json:"cardId"`
	CardExt string `json:"cardExt"`
}

// AddCardOptions is the result of buildAddCard: wx.addCard's options.
type AddCardOptions struct {
	CardList []CardListItem `json:"cardList"`
}

// OpenCardItem is one wx.openCard cardList entry.
type OpenCardItem struct {
	CardID string `json:"cardId"`
	Code   string `json:"code"`
}

// OpenCardOptions is the result of buildOpenCard: wx.openCard's options.
type OpenCardOptions struct {
	CardList []OpenCardItem `json:"cardList"`
}

// AddCardResult is the result of parseAddCardResult.
type AddCardResult struct {
	Status string      `json:"status"` // ok, cancel or fail
	Detail string      `json:"detail"`
	Cards  []AddedCard `json:"cards"`
}

// AddedCard is one card of an addCard callback; Code is still encrypted.
type AddedCard struct {
	CardID    string `json:"cardId"`
	Code      string `json:"code"`
	IsSuccess bool   `json:"isSuccess"`
}

// MemberCardLaunch is the result of parseActivateUrl: the options for
// navigateToMiniProgram (or the navigator component) to open the
// member-card activation component.
type MemberCardLaunch struct {
	AppID     string              `json:"appId"`
	ExtraData MemberCardExtraData `json:"extraData"`
}

// MemberCardExtraData holds the three activation parameters, decoded once.
type MemberCardExtraData struct {
	EncryptCardID string `json:"encrypt_card_id"`
	OuterStr      string `json:"outer_str"`
	Biz           string `json:"biz"`
}

// ReferrerInfo is the result of parseReferrerInfo.
type ReferrerInfo struct {
	State          string `json:"state"` // activated, not-activated, other-app, none
	ActivateTicket string `json:"activate_ticket,omitempty"`
	CardID         string `json:"card_id,omitempty"`
	Code           string `json:"code,omitempty"`
}

// ActivationAppID is the member-card activation component's mini program.
const ActivationAppID = "wxeb490c6f9b154ef9"

// Operation names, as every runtime exposes them.
const (
	OpValidateCardList         = "validateCardList"
	OpBuildAddCard             = "buildAddCard"
	OpBuildOpenCard            = "buildOpenCard"
	OpParseAddCardResult       = "parseAddCardResult"
	OpParseActivateURL         = "parseActivateUrl"
	OpValidateMemberCardLaunch = "validateMemberCardLaunch"
	OpParseReferrerInfo        = "parseReferrerInfo"
	OpLint                     = "lint"
)

// CardDef is what the rules need to know about one card (options.cards).
// In JSON it may also be given as WeChat's raw card/get response; the core
// reduces that to this form. A nil field is unknown: rules needing it skip.
type CardDef struct {
	UseCustomCode     *bool  `json:"use_custom_code,omitempty"`
	GetCustomCodeMode string `json:"get_custom_code_mode,omitempty"`
	BindOpenID        *bool  `json:"bind_openid,omitempty"`
	DateType          string `json:"date_type,omitempty"`
}

// Options are a request's options. Nil pointers mean "not given".
type Options struct {
	Locale         string             `json:"locale,omitempty"` // en (default) or zh-CN
	Cards          map[string]CardDef `json:"cards,omitempty"`
	Now            *int64             `json:"now,omitempty"`            // unix seconds; enables time checks
	MaxSkewSeconds *int64             `json:"maxSkewSeconds,omitempty"` // default 7200
	Format         string             `json:"format,omitempty"`         // lint only: text, json, sarif, github
	Color          bool               `json:"color,omitempty"`          // lint only: ANSI colours in the text report
	// parseReferrerInfo only: activate_tickets already handled in this app
	// session (the dev guard's memory); a repeat gets activate-ticket-reused.
	SeenActivateTickets []string `json:"seenActivateTickets,omitempty"`
}
