package card

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The typed entry points return the same output Call encodes.
func TestTypedMatchesCall(t *testing.T) {
	payload := `{"cardList":[{"cardId":"` + goodID + `","code":"1434008071"}]}`
	res, out := BuildOpenCard([]byte(payload), Options{})
	require.True(t, out.OK)
	require.NotNil(t, res)
	assert.Equal(t, []OpenCardItem{{CardID: goodID, Code: "1434008071"}}, res.CardList)
	assert.Equal(t, string(Call(OpBuildOpenCard, []byte(envelope(payload, "")))), string(appendOutput(nil, &out)))

	r, out := ParseReferrerInfo([]byte(`{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1"}}}`), Options{})
	require.True(t, out.OK)
	assert.Equal(t, &ReferrerInfo{State: "activated", ActivateTicket: "t", CardID: "c", Code: "1"}, r)

	ar, out := ParseAddCardResult([]byte(`{"errMsg":"addCard:fail 已领完"}`), Options{Locale: LocaleZh})
	require.False(t, out.OK)
	assert.Equal(t, "fail", ar.Status)
	assert.Contains(t, out.Diagnostics[0].Message, "库存")

	out = ValidateMemberCardLaunch([]byte(`{"app-id":"wxeb490c6f9b154ef9","extra-data":{"encrypt_card_id":"a","outer_str":"b","biz":"c"}}`), Options{})
	assert.True(t, out.OK)
	assert.Empty(t, out.Diagnostics)
}

func TestTypedOptionsChecked(t *testing.T) {
	out := ValidateCardList([]byte(`{}`), Options{Locale: "fr"})
	require.False(t, out.OK)
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
	out = ValidateCardList([]byte(`{}`), Options{Format: "text"})
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
	neg := int64(-1)
	out = ValidateCardList([]byte(`{}`), Options{MaxSkewSeconds: &neg})
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
}

func TestTypedDefinitionsAndNow(t *testing.T) {
	yes := true
	now := int64(1404896688 + 28800)
	payload := `{"cardList":[{"cardId":"` + goodID + `","cardExt":` + jsonString(extText(nil)) + `}]}`
	out := ValidateCardList([]byte(payload), Options{Now: &now, Cards: map[string]CardDef{goodID: {UseCustomCode: &yes}}})
	assert.Contains(t, codesOf(out), CodeCodeRequired)
	assert.Contains(t, codesOf(out), CodeTimestampSkew)
}

func codesOf(o Output) []string {
	var cs []string
	for _, d := range o.Diagnostics {
		cs = append(cs, d.Code)
	}
	return cs
}
