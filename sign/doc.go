// Package sign signs and verifies the cardExt of wx.addCard on the server.
//
// The signature is the lowercase hex SHA-1 of the concatenation of the values
// of api_ticket, timestamp, card_id, code, openid and nonce_str, sorted by
// byte order; empty values add nothing. fixed_begintimestamp and outer_str
// are sent but not signed. The ticket is the card api_ticket
// (ticket/getticket?type=wx_card), not the JS-SDK jsapi_ticket.
//
// The api_ticket is a server secret: this package is native Go only and is
// never linked into the WebAssembly guest or the JS package. Ticket never
// prints, and nothing this package returns contains it.
package sign
