package card_test

import (
	"fmt"

	"github.com/wxcard/wxcard/wasm/card"
)

func ExampleCall() {
	in := `{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
		"cardExt":"{\"timestamp\":1404896688000,\"nonce_str\":\"a1\",\"signature\":\"f137ab68b7f8112d20ee528ab6074564e2796250\"}"}]}}`
	fmt.Println(string(card.Call("validateCardList", []byte(in))))
	// Output:
	// {"ok":false,"diagnostics":[{"code":"timestamp-milliseconds","severity":"error","path":"/cardList/0/cardExt/timestamp","message":"timestamp 1404896688000 is in milliseconds; WeChat wants seconds (1404896688)"}]}
}

func ExampleValidateCardList() {
	// Payload text: diagnostics point into it, line and column as an editor counts.
	payload := []byte(`{
  "cardList": [
    {"cardId": "pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
     "cardExt": "{\"timestamp\":1404896688,\"nonce_str\":\"a1\",\"signature\":\"F137AB68B7F8112D20EE528AB6074564E2796250\"}"}
  ]
}`)
	out := card.ValidateCardList(payload, card.Options{Locale: card.LocaleZh})
	for _, d := range out.Diagnostics {
		fmt.Printf("%d:%d %s %s %s\n", d.Line, d.Column, d.Severity, d.Code, d.Message)
	}
	fmt.Println("ok:", out.OK)
	// Output:
	// 4:79 warning signature-format signature 是大写十六进制；微信使用小写：请直接使用小写十六进制摘要，不要 toUpperCase
	// ok: true
}

func ExampleBuildAddCard() {
	payload := []byte(`{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
		"cardExt":{"signature":"f137ab68b7f8112d20ee528ab6074564e2796250","nonce_str":"a1","timestamp":1404896688,"code":"1434008071"}}]}`)
	opts, out := card.BuildAddCard(payload, card.Options{})
	fmt.Println(out.OK)
	fmt.Println(opts.CardList[0].CardExt)
	// Output:
	// true
	// {"code":"1434008071","timestamp":1404896688,"nonce_str":"a1","signature":"f137ab68b7f8112d20ee528ab6074564e2796250"}
}

func ExampleParseActivateURL() {
	launch, out := card.ParseActivateURL("https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&&encrypt_card_id=8Cbko%2FV3V7t%2Bn8d3Q%3D&outer_str=13&biz=MzI0MDAxNTU3MQ%3D%3D#wechat_redirect", card.Options{})
	fmt.Println(out.OK, launch.AppID)
	fmt.Printf("%+v\n", launch.ExtraData)
	// Output:
	// true wxeb490c6f9b154ef9
	// {EncryptCardID:8Cbko/V3V7t+n8d3Q= OuterStr:13 Biz:MzI0MDAxNTU3MQ==}
}
