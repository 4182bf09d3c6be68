// Package sign signs and verifies, on the server, the cardExt of wx.addCard:
// a card's signature with the card api_ticket, and a WeChat Pay
// merchant-coupon (商家券) batch's sign with the merchant's API v2 key.
//
// A card's signature is the lowercase hex SHA-1 of the concatenation of the
// values of api_ticket, timestamp, card_id, code, openid and nonce_str,
// sorted by byte order; empty values add nothing. fixed_begintimestamp and
// outer_str are sent but not signed. The ticket is the card api_ticket
// (ticket/getticket?type=wx_card), not the JS-SDK jsapi_ticket.
//
// A merchant-coupon batch's sign is the upper-case hex HMAC-SHA256, keyed
// with the API v2 key, of its parameters (each coupon's indexed from 0)
// sorted by name and joined as name=value with '&', with "&key=" and the key
// appended: see SignCoupons, and WeChat Pay's
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_3_1.shtml and
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_4_1.shtml.
//
// The api_ticket and the merchant key are server secrets: this package is
// native Go only and is never linked into the WebAssembly guest or the JS
// package. Ticket and MerchantKey never print, and nothing this package
// returns contains them.
package sign
