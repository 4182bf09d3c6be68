package card

// The CLI's help texts, the same for both CLIs (cli.go).

const cliTopHead = `wxcard checks, builds, signs and verifies the payloads of the WeChat Mini Program
card APIs (wx.addCard, wx.openCard, member-card activation).

Usage:
  wxcard <command> [flags] [arguments]

Commands:
`

const cliTopTail = `
Flags:
  -h, --help    show this help
  --version     print the version

The api_ticket is read only from the WXCARD_API_TICKET environment variable or
from --ticket-file. It is never taken from an argument and never printed.

Run 'wxcard <command> --help' for a command's flags.
`

const cliLintHelp = `Usage: wxcard lint [flags] PATH...

Checks payload files and prints the report. A directory is read recursively
for *.json files (node_modules and hidden directories are skipped); a file
named explicitly is read whatever its extension. The kind of each file is
detected from its shape.

Flags:
  --format text|json|sarif|github
                       report format (default text)
  --locale en|zh-CN    message language (default from LANG: zh* gives zh-CN,
                       anything else en)
  --cards FILE_OR_DIR  card definitions: a JSON object keyed by cardId, or the
                       raw response of card/get; repeatable
  --max-warnings N     fail when there are more than N warnings (default -1:
                       no limit)

Exit status: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage or
internal error.
`

const cliRunHelp = `Usage: wxcard run OP

Runs one core operation: reads its input JSON {"payload":…,"options":{…}} on
stdin and writes its output JSON on stdout, followed by a newline.

Operations: validateCardList, buildAddCard, buildOpenCard, parseAddCardResult,
parseActivateUrl, validateMemberCardLaunch, parseReferrerInfo, lint.

Exit status: 0 once the operation ran (its "ok" says how it went), 2 usage
error.
`

const cliSignHelp = `Usage: wxcard sign --card-id ID [--code C] [--openid O] [--ticket-file F]
       wxcard sign --coupon --merchant MCHID [--key-file F]

Reads an unsigned cardExt object on stdin (code, openid, timestamp, nonce_str,
fixed_begintimestamp, outer_str; empty input is {}), fills timestamp (now, unix
seconds) and a random nonce_str when absent, signs it, and prints the cardList
item for wx.addCard on one line: {"cardId":…,"cardExt":"<JSON string>"}.

With --coupon, reads a batch of WeChat Pay merchant coupons (商家券) on stdin
as a JSON array of {"stock_id","out_request_no","coupon_code"?,
"customize_send_time"?} (1 to 10 coupons), signs it (HMAC-SHA256 with the
merchant's API v2 key) and prints wx.addCard's options on one line:
{"cardList":[{"cardId":stock_id,"cardExt":"<JSON string>"},…]}; the first
cardExt carries send_coupon_merchant and sign.

Flags:
  --card-id ID         the card's cardId (required for a card)
  --code C             the code (custom-code cards only)
  --openid O           the openid the card is bound to
  --ticket-file F      read the card api_ticket from file F instead of
                       WXCARD_API_TICKET
  --coupon             sign a merchant-coupon batch instead of a card
  --merchant MCHID     the issuing merchant id, send_coupon_merchant
                       (required with --coupon)
  --key-file F         read the merchant's API v2 key from file F instead of
                       WXCARD_MCH_KEY

The ticket is the card api_ticket (ticket/getticket?type=wx_card), not the
JS-SDK jsapi_ticket. It is read only from WXCARD_API_TICKET or --ticket-file;
the merchant key only from WXCARD_MCH_KEY or --key-file.

Exit status: 0 signed, 2 usage or input error.
`

const cliVerifyHelp = `Usage: wxcard verify [--ticket-file F] [--key-file F] [--format text|json] [--locale en|zh-CN]

Reads a cardList item {"cardId","cardExt"} (or wx.addCard options
{"cardList":[…]}) on stdin and checks its signature against the api_ticket.
On a mismatch it recomputes the signature with known mistakes (unsorted or
wrongly sorted values, nonce_str or card_id left out, outer_str or
fixed_begintimestamp signed, milliseconds, key=value strings, upper-case hex)
and names the one that reproduces it, or the likely causes.

Merchant coupons (商家券: a cardExt with out_request_no, send_coupon_merchant,
coupon_code or customize_send_time) are checked as one batch against the
merchant's API v2 key instead, with their own known mistakes (MD5 instead of
HMAC-SHA256, names without the index, &key= left out, parameters unsorted,
openid signed, lower-case hex). The api_ticket is needed only for cards, the
key only for merchant coupons. Neither is ever printed.

Flags:
  --ticket-file F      read the card api_ticket from file F instead of
                       WXCARD_API_TICKET
  --key-file F         read the merchant's API v2 key from file F instead of
                       WXCARD_MCH_KEY
  --format text|json   verdict format (default text)
  --locale en|zh-CN    message language (default from LANG)

Exit status: 0 verifies, 1 does not, 2 usage or input error.
`

const cliHelpHelp = `Usage: wxcard help [COMMAND]

Shows help for a command, or the list of commands.
`

const cliVersionHelp = `Usage: wxcard version

Prints the version (also: wxcard --version).
`
