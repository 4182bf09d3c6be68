package card

import "strings"

// msgID names one message template; {0}, {1}, … are filled with arguments.
type msgID uint16

const (
	msgNone msgID = iota
	// JSON syntax, the inner part of a json-syntax message.
	msgSynEmpty
	msgSynEOF
	msgSynEOFArray
	msgSynEOFObject
	msgSynTrailing
	msgSynUnexpected
	msgSynBareWord
	msgSynNaN
	msgSynUndefined
	msgSynSingleQuote
	msgSynComment
	msgSynTrailingComma
	msgSynUTF8
	msgSynLeadingZero
	msgSynNumber
	msgSynUnterminated
	msgSynEscape
	msgSynUnicode
	msgSynSurrogate
	msgSynControl
	msgSynArraySep
	msgSynObjectSep
	msgSynColon
	msgSynKey
	msgSynUnquotedKey
	msgSynBOM
	msgLimitDepth
	msgLimitSize
	msgLimitFile
	// Where the bad text is: wraps an inner syntax message.
	msgInRequest
	msgInPayload
	msgInCardExt
	msgInFile
	// request-invalid
	msgReqUnknownOp
	msgReqNotObject
	msgReqUnknownKey
	msgReqNoPayload
	msgReqOptionsType
	msgReqUnknownOption
	msgReqUnknownOptionHint
	msgOptLocale
	msgOptInteger
	msgOptCards
	msgOptCardDef
	msgOptCardDefKey
	msgOptCardDefBool
	msgOptCardDefString
	msgOptCardDefRaw
	msgOptFormat
	msgOptFormatOp
	msgOptSeenTickets
	msgOptSeenTicketsOp
	// payload-shape
	msgShapePayload
	msgShapeNoCardList
	msgShapeCardListType
	msgShapeCardListEmpty
	msgShapeItem
	msgShapeURL
	msgShapeNoErrMsg
	msgShapeErrMsgOther
	msgShapeFiles
	msgShapeFile
	// field-type
	msgTypeString
	msgTypeStringQuote
	msgTypeTimestamp
	msgTypeFixedBegin
	msgTypeBool
	msgTypeObject
	// field rules
	msgCardIDMissing
	msgCardIDEmpty
	msgCardIDFormat
	msgCardExtMissing
	msgCardExtNull
	msgCardExtNotString
	msgCardExtNotObject
	msgCardExtTwice
	msgTimestampMissing
	msgTimestampEmpty
	msgTimestampMillis
	msgSkewAhead
	msgSkewBehind
	msgSkew8h
	msgSkewOld
	msgNonceMissing
	msgNonceEmpty
	msgNonceTooLong
	msgNonceCharset
	msgNonceReused
	msgSignatureMissing
	msgSignatureEmpty
	msgSignatureFormat
	msgSignatureUpper
	msgCodeTooLong
	msgCodeCharset
	msgCodeRequired
	msgCodeNotAllowed
	msgCodeNotAllowedDeposit
	msgOpenIDRequired
	msgOpenIDNotAllowed
	msgEmptyField
	msgFixedBegin
	msgUnknownField
	msgUnknownFieldHint
	msgUnknownCardIDInExt
	msgUnknownItemField
	msgUnknownItemFieldHint
	msgUnknownItemInExt
	msgUnknownOpenItemField
	msgUnknownExtraField
	msgUnknownExtraFieldHint
	msgLegacyOuterID
	msgLegacyBalance
	msgSecretKey
	msgSecretValue
	msgDuplicateKey
	msgDuplicateCard
	msgUnknownCard
	msgCodeEncrypted
	msgCodeMissing
	msgCodeEmpty
	msgURLNotActivate
	msgURLParamMissing
	msgURLBadEscape
	msgAppIDWrong
	msgAppIDMissing
	msgExtraDataMissing
	msgExtraFieldMissing
	msgReferrerFieldMissing
	msgExtraNotDecoded
	msgExtraOverDecoded
	msgExtraFragment
	msgNavigateDeprecated
	msgAddCardCancel
	msgAddCardFail
	msgAddCardFailSignature
	msgAddCardFailParam
	msgAddCardFailSoldOut
	msgCardNotAdded
	msgActivateTicketReused
	msgDiagnosticsTruncated
	msgLintSpecialFile
	msgSecretOuterStr
	msgTimestampNotInteger
	msgOptNowMillis
	msgStockIDFormat
	msgCouponOutRequestNoMissing
	msgCouponOutRequestNoEmpty
	msgOutRequestNoLong
	msgOutRequestNoCharset
	msgOutRequestNoReused
	msgCouponSignFormat
	msgSendTimeFormat
	msgCouponFirstMissing
	msgCouponFirstEmpty
	msgUnknownStockIDInExt
	msgCouponCardField
	msgCouponCardFieldHint
	msgUnknownCouponField
	msgUnknownCouponFieldHint
	msgCodeEncryptedPercent
	msgCodeEncryptedSpace
	msgCodeEncryptedPadding
	msgURLOuterStrMissing
	msgURLParamEmpty
	msgBizFormat
	msgExtraFieldEmpty
	msgReferrerFieldEmpty
	msgInCardList
	msgAddCardFailGetLimit
	msgAddCardFailSystem
	msgSecretPEM
	msgOptColor
	msgOptColorOp
	msgOptColorTerminal
	// Words a host shows about source code (the ESLint plugin), not about a payload.
	msgCardExtInSource
	msgTimestampClock
	msgSuggestSeconds
	msgCodesFromAddCard
	msgCount
)

var messages = [msgCount]Text{
	msgSynEmpty:         {"the text is empty: pass a JSON value", "文本为空：请传入一个 JSON 值"},
	msgSynEOF:           {"unexpected end of text: add the missing value, and check that the text was not cut off", "文本意外结束：请补上缺少的值，并检查文本是否被截断"},
	msgSynEOFArray:      {"unexpected end of text inside an array: add the missing ']'", "数组未结束：请补上缺少的 ']'"},
	msgSynEOFObject:     {"unexpected end of text inside an object: add the missing '}'", "对象未结束：请补上缺少的 '}'"},
	msgSynTrailing:      {"unexpected text after the JSON value: remove it, or put several values in one array", "JSON 值之后有多余的文本：请删除，或把多个值放进一个数组"},
	msgSynUnexpected:    {"unexpected character {0}: remove it, or put it inside a double-quoted string", "意外的字符 {0}：请删除，或放进双引号括起的字符串中"},
	msgSynBareWord:      {"unexpected word {0}: put strings in double quotes (the only bare words are true, false and null)", "意外的单词 {0}：字符串须用双引号括起来（不加引号的只能是 true、false、null）"},
	msgSynNaN:           {"{0} is not JSON: write a finite number in digits, or null", "{0} 不是 JSON：请写成有限的十进制数，或用 null"},
	msgSynUndefined:     {"undefined is not JSON: drop the key or use null", "undefined 不是 JSON：请删除该键或使用 null"},
	msgSynSingleQuote:   {"single quotes are not JSON: put strings and keys in double quotes (JSON.stringify does)", "JSON 不支持单引号：字符串和键须用双引号（用 JSON.stringify 生成即可）"},
	msgSynComment:       {"comments are not allowed in JSON: remove them", "JSON 中不允许注释：请删除"},
	msgSynTrailingComma: {"a trailing comma before {0}: remove it", "{0} 之前多了一个逗号：请删除"},
	msgSynUTF8:          {"invalid UTF-8 byte sequence: save the text as UTF-8 (not GBK)", "非法的 UTF-8 字节序列：请以 UTF-8 编码（而不是 GBK）保存"},
	msgSynLeadingZero:   {"a number must not start with 0: drop the leading zeros, or write it as a string if they matter", "数字不能以 0 开头：请去掉前导 0；若 0 不能丢（如 code），请写成字符串"},
	msgSynNumber:        {"invalid number: write a plain decimal JSON number such as 12, -3.5 or 1e9", "非法的数字：请写成 12、-3.5、1e9 这样的十进制 JSON 数字"},
	msgSynUnterminated:  {"unterminated string: add the closing '\"', and write a '\"' inside a string as \\\"", "字符串未结束：请补上结尾的 '\"'；字符串内的 '\"' 须写成 \\\""},
	msgSynEscape:        {"invalid escape \\{0} in a string: write a literal backslash as \\\\", "字符串中有非法转义 \\{0}：反斜杠本身须写成 \\\\"},
	msgSynUnicode:       {"invalid \\u escape: write four hex digits after \\u, as in \\u4e2d", "非法的 \\u 转义：\\u 后须跟四位十六进制数字，如 \\u4e2d"},
	msgSynSurrogate:     {"a lone UTF-16 surrogate in a \\u escape: write the whole pair (\\ud83d\\ude00) or the character itself", "\\u 转义中有不成对的 UTF-16 代理项：请写出完整的代理对（如 \\ud83d\\ude00），或直接写该字符"},
	msgSynControl:       {"control character {0} in a string: escape it (\\n, \\t, \\u001f …)", "字符串中有控制字符 {0}：须转义（如 \\n、\\t、\\u001f）"},
	msgSynArraySep:      {"expected ',' or ']' after an array element, found {0}: add the missing comma or ']'", "数组元素之后应为 ',' 或 ']'，实际是 {0}：请补上缺少的逗号或 ']'"},
	msgSynObjectSep:     {"expected ',' or '}' after an object member, found {0}: add the missing comma or '}'", "对象成员之后应为 ',' 或 '}'，实际是 {0}：请补上缺少的逗号或 '}'"},
	msgSynColon:         {"expected ':' after an object key, found {0}: write each member as \"key\": value", "对象键之后应为 ':'，实际是 {0}：成员须写成 \"键\": 值"},
	msgSynKey:           {"expected a key in double quotes, found {0}: write each member as \"key\": value", "应为双引号括起的键，实际是 {0}：成员须写成 \"键\": 值"},
	msgSynUnquotedKey:   {"the key {0} must be in double quotes", "键 {0} 必须用双引号括起来"},
	msgSynBOM:           {"the text starts with a byte order mark: save it as UTF-8 without BOM", "文本以字节顺序标记（BOM）开头：请存为无 BOM 的 UTF-8"},
	msgLimitDepth:       {"JSON nests deeper than 64 levels: flatten it; a card payload needs only a few levels", "JSON 嵌套超过 64 层：请减少嵌套；卡券参数只需要几层"},
	msgLimitSize:        {"the input is {0} bytes; at most {1} are accepted: split it into smaller batches", "输入有 {0} 字节；最多接受 {1} 字节：请拆成更小的批次"},
	msgLimitFile:        {"the file is {0} bytes; at most {1} (1 MiB) are accepted: split it, or leave it out", "文件有 {0} 字节；最多接受 {1} 字节（1 MiB）：请拆分，或不检查它"},

	msgInRequest: {"the request is not valid JSON: {0}", "请求不是合法的 JSON：{0}"},
	msgInPayload: {"the payload is not valid JSON: {0}", "payload 不是合法的 JSON：{0}"},
	msgInCardExt: {"cardExt is not valid JSON: {0}", "cardExt 不是合法的 JSON：{0}"},
	msgInFile:    {"the file is not valid JSON: {0}", "文件不是合法的 JSON：{0}"},

	msgReqUnknownOp:         {"unknown operation {0}: use one of validateCardList, buildAddCard, buildOpenCard, parseAddCardResult, parseActivateUrl, validateMemberCardLaunch, parseReferrerInfo or lint", "未知操作 {0}：请改用 validateCardList、buildAddCard、buildOpenCard、parseAddCardResult、parseActivateUrl、validateMemberCardLaunch、parseReferrerInfo、lint 之一"},
	msgReqNotObject:         {"the request must be an object {\"payload\": …, \"options\": {…}}, not {0}", "请求必须是对象 {\"payload\": …, \"options\": {…}}，而不是{0}"},
	msgReqUnknownKey:        {"unknown request key {0}: a request has only payload and options; move it into one of them, or remove it", "未知的请求键 {0}：请求只有 payload 和 options 两个键；请把它移入其中之一，或删除"},
	msgReqNoPayload:         {"the request has no payload: add \"payload\" holding the operation's input (e.g. the object passed to wx.addCard)", "请求缺少 payload：请加上 \"payload\"，值为该操作的输入（如传给 wx.addCard 的对象）"},
	msgReqOptionsType:       {"options must be an object, not {0}: pass an object such as {\"locale\": \"zh-CN\"}, or leave options out", "options 必须是对象，而不是{0}：请传入对象（如 {\"locale\": \"zh-CN\"}），或省略 options"},
	msgReqUnknownOption:     {"unknown option {0}: remove it, or use locale, cards, now or maxSkewSeconds (lint also takes format and color, parseReferrerInfo seenActivateTickets)", "未知选项 {0}：请删除，或改用 locale、cards、now、maxSkewSeconds（lint 另有 format 和 color，parseReferrerInfo 另有 seenActivateTickets）"},
	msgReqUnknownOptionHint: {"unknown option {0}: did you mean {1}?", "未知选项 {0}：是否应为 {1}？"},
	msgOptLocale:            {"option locale must be \"en\" or \"zh-CN\", not {0}", "选项 locale 必须是 \"en\" 或 \"zh-CN\"，而不是 {0}"},
	msgOptInteger:           {"option {0} must be a whole number of seconds, not {1}", "选项 {0} 必须是整数秒，而不是 {1}"},
	msgOptCards:             {"option cards must be an object keyed by cardId, not {0}", "选项 cards 必须是以 cardId 为键的对象，而不是{0}"},
	msgOptCardDef:           {"the definition of card {0} must be an object, not {1}: give the short form (use_custom_code, get_custom_code_mode, bind_openid, date_type) or WeChat's card/get response", "卡券 {0} 的定义必须是对象，而不是{1}：请用简写形式（use_custom_code、get_custom_code_mode、bind_openid、date_type）或微信 card/get 的返回"},
	msgOptCardDefKey:        {"the definition of card {0} has an unknown key {1}; use use_custom_code, get_custom_code_mode, bind_openid and date_type, or WeChat's card/get response", "卡券 {0} 的定义中有未知的键 {1}；请用 use_custom_code、get_custom_code_mode、bind_openid、date_type，或微信 card/get 的返回"},
	msgOptCardDefBool:       {"in the definition of card {0}, {1} must be a boolean, not {2}: write true or false, without quotes", "卡券 {0} 的定义中，{1} 必须是布尔值，而不是{2}：请写不带引号的 true 或 false"},
	msgOptCardDefString:     {"in the definition of card {0}, {1} must be a string, not {2}: write the name card/get returns, in double quotes (e.g. \"DATE_TYPE_FIX_TERM\")", "卡券 {0} 的定义中，{1} 必须是字符串，而不是{2}：请用双引号写上 card/get 返回的取值（如 \"DATE_TYPE_FIX_TERM\"）"},
	msgOptCardDefRaw:        {"the card/get response for card {0} has no base_info under card.{1}: pass the card/get response unchanged, or use the short form", "卡券 {0} 的 card/get 返回中，card.{1} 下没有 base_info：请原样传入 card/get 的返回，或改用简写形式"},
	msgOptFormat:            {"option format must be text, json, sarif or github, not {0}", "选项 format 必须是 text、json、sarif 或 github，而不是 {0}"},
	msgOptFormatOp:          {"option format applies to lint only: remove it from this request", "选项 format 仅用于 lint：请从本请求中删除"},
	msgOptSeenTickets:       {"option seenActivateTickets must be an array of activate_ticket strings, not {0}", "选项 seenActivateTickets 必须是 activate_ticket 字符串的数组，而不是 {0}"},
	msgOptSeenTicketsOp:     {"option seenActivateTickets applies to parseReferrerInfo only: remove it from this request", "选项 seenActivateTickets 仅用于 parseReferrerInfo：请从本请求中删除"},

	msgShapePayload:       {"the payload must be an object, not {0}: pass the object the WeChat API takes (or its callback received) as it is", "payload 必须是对象，而不是{0}：请原样传入调用微信接口时所用（或回调收到）的对象"},
	msgShapeNoCardList:    {"cardList is missing: pass the whole object, cardList included", "缺少 cardList：请传入包含 cardList 的完整对象"},
	msgShapeCardListType:  {"cardList must be an array, not {0}: put the cards in an array [ … ]", "cardList 必须是数组，而不是{0}：请把卡券放进数组 [ … ]"},
	msgShapeCardListEmpty: {"cardList is empty: add at least one card", "cardList 为空：至少要有一张卡"},
	msgShapeItem:          {"a cardList item must be an object, not {0}: give each card as an object with its cardId", "cardList 的每一项必须是对象，而不是{0}：每张卡券都要写成含 cardId 的对象"},
	msgShapeURL:           {"the payload must be the activation URL as a string, not {0}: pass the url that card/membercard/activate/geturl returned", "payload 必须是开卡链接字符串，而不是{0}：请传入 card/membercard/activate/geturl 返回的 url"},
	msgShapeNoErrMsg:      {"errMsg is missing: pass the res object the addCard callback received", "缺少 errMsg：请传入 addCard 回调收到的 res 对象"},
	msgShapeErrMsgOther:   {"errMsg {0} is not an addCard result: pass the res that wx.addCard's success, fail or complete callback received", "errMsg {0} 不是 addCard 的结果：请传入 wx.addCard 的 success、fail 或 complete 回调收到的 res"},
	msgShapeFiles:         {"the lint payload must be {\"files\": [{\"path\", \"content\"}]}", "lint 的 payload 必须是 {\"files\": [{\"path\", \"content\"}]}"},
	msgShapeFile:          {"each file must be {\"path\": string, \"content\": string} (and \"explicit\": true for a file named on the command line)", "每个文件必须是 {\"path\": 字符串, \"content\": 字符串}（命令行上指名的文件另加 \"explicit\": true）"},

	msgTypeString:      {"{0} must be a string, not {1}: give the value in double quotes", "{0} 必须是字符串，而不是{1}：请用双引号写成字符串"},
	msgTypeStringQuote: {"{0} must be a string, not a number: write \"{1}\" (and sign that same string)", "{0} 必须是字符串，而不是数字：写成 \"{1}\"（签名也用同一个字符串）"},
	msgTypeTimestamp:   {"timestamp must be whole seconds, as a number or a string of digits, not {0}: use Math.floor(Date.now() / 1000) and sign that value", "timestamp 必须是整数秒（数字或纯数字字符串），而不是{0}：请用 Math.floor(Date.now() / 1000)，并用该值签名"},
	msgTypeFixedBegin:  {"fixed_begintimestamp must be whole seconds as a number, not {0}: write the unix seconds without quotes", "fixed_begintimestamp 必须是整数秒的数字，而不是{0}：请写成不带引号的 unix 秒数"},
	msgTypeBool:        {"{0} must be a boolean, not {1}: pass the value the addCard callback received, unchanged", "{0} 必须是布尔值，而不是{1}：请原样传入 addCard 回调收到的值"},
	msgTypeObject:      {"{0} must be an object, not {1}: pass the object itself, not JSON text or a query string", "{0} 必须是对象，而不是{1}：请传入对象本身，不要传 JSON 文本或查询串"},

	msgCardIDMissing:         {"cardId is missing: set it to the card_id returned when the card was created (for a merchant coupon, its stock_id)", "缺少 cardId：请填入创建卡券时返回的 card_id（商家券填批次号 stock_id）"},
	msgCardIDEmpty:           {"cardId is empty: set it to the card_id returned when the card was created (for a merchant coupon, its stock_id)", "cardId 为空：请填入创建卡券时返回的 card_id（商家券填批次号 stock_id）"},
	msgCardIDFormat:          {"cardId {0} does not look like a card id (p followed by 26–31 letters, digits, _ or -): copy the card_id exactly, without spaces or quotes, and not encrypt_card_id", "cardId {0} 不像卡券 ID（p 后接 26–31 个字母、数字、_ 或 -）：请原样复制 card_id，不要带空格或引号，也不要用 encrypt_card_id"},
	msgCardExtMissing:        {"cardExt is missing: add the JSON.stringify of the signed fields (timestamp, nonce_str, signature …)", "缺少 cardExt：请添加签名字段（timestamp、nonce_str、signature 等）经 JSON.stringify 得到的字符串"},
	msgCardExtNull:           {"cardExt is null: pass the JSON.stringify of the signed fields (timestamp, nonce_str, signature …)", "cardExt 为 null：请传入签名字段（timestamp、nonce_str、signature 等）经 JSON.stringify 得到的字符串"},
	msgCardExtNotString:      {"cardExt must be a JSON string, not {0}: pass JSON.stringify(cardExt) (iOS reports 签名错误 otherwise)", "cardExt 必须是 JSON 字符串，而不是{0}：请传 JSON.stringify(cardExt)（否则 iOS 上报“签名错误”）"},
	msgCardExtNotObject:      {"cardExt must encode an object, not {0}: call JSON.stringify once on the cardExt object", "cardExt 必须编码一个对象，而不是{0}：请对 cardExt 对象调用一次 JSON.stringify"},
	msgCardExtTwice:          {"cardExt was JSON-encoded twice: it decodes to a string; call JSON.stringify once", "cardExt 被 JSON 编码了两次：解码后仍是字符串；只调用一次 JSON.stringify"},
	msgTimestampMissing:      {"timestamp is missing from cardExt: add the unix time in seconds that you signed with", "cardExt 缺少 timestamp：请加上签名时使用的 unix 秒级时间戳"},
	msgTimestampEmpty:        {"timestamp is empty: set it to the unix time in seconds that you signed with", "timestamp 为空：请填入签名时使用的 unix 秒级时间戳"},
	msgTimestampMillis:       {"timestamp {0} is in milliseconds; WeChat wants seconds ({1})", "timestamp {0} 的单位是毫秒；微信要求秒（{1}）"},
	msgSkewAhead:             {"timestamp {0} is {1} seconds ahead of now; at most {2} are allowed: sign with the server's current unix time, and check the server's clock", "timestamp {0} 比当前时间快 {1} 秒；最多允许 {2} 秒：请用服务器当前的 unix 时间签名，并校准服务器时钟"},
	msgSkewBehind:            {"timestamp {0} is {1} seconds behind now; at most {2} are allowed: sign each request afresh with the current unix time, do not cache or hard-code cardExt", "timestamp {0} 比当前时间慢 {1} 秒；最多允许 {2} 秒：请每次领取时用当前 unix 时间重新签名，不要缓存或写死 cardExt"},
	msgSkew8h:                {"timestamp {0} is {1} seconds off now, about 8 hours: a unix timestamp has no time zone, do not add UTC+8", "timestamp {0} 与当前时间相差 {1} 秒，约 8 小时：unix 时间戳没有时区，不要加上东八区的 8 小时"},
	msgSkewOld:               {"timestamp {0} is before 2001: it is not a unix time in seconds; use Math.floor(Date.now() / 1000)", "timestamp {0} 早于 2001 年：不是以秒计的 unix 时间；请用 Math.floor(Date.now() / 1000)"},
	msgNonceMissing:          {"nonce_str is missing, so the request can be replayed: add a random nonce_str (at most 32 letters and digits) and sign it", "缺少 nonce_str，请求可能被重放：请加上随机的 nonce_str（最多 32 位字母和数字）并参与签名"},
	msgNonceEmpty:            {"nonce_str is empty, so the request can be replayed: set a random nonce_str (at most 32 letters and digits) and sign it", "nonce_str 为空，请求可能被重放：请填入随机的 nonce_str（最多 32 位字母和数字）并参与签名"},
	msgNonceTooLong:          {"nonce_str is {0} characters long; at most 32 are allowed: use a shorter random string (e.g. 16 letters and digits) and sign again", "nonce_str 长 {0} 个字符，最多 32 个：请换用更短的随机串（如 16 位字母和数字）并重新签名"},
	msgNonceCharset:          {"nonce_str contains {0}: use ASCII letters and digits only", "nonce_str 含有 {0}：只能用 ASCII 字母和数字"},
	msgNonceReused:           {"nonce_str and timestamp repeat those of cardList[{0}]; WeChat refuses the repeat (users see 已领完): generate a new nonce_str for every card", "nonce_str 与 timestamp 和 cardList[{0}] 的相同，微信会拒绝重复的请求（用户看到“已领完”）：请为每张卡生成新的 nonce_str"},
	msgSignatureMissing:      {"signature is missing from cardExt: sign on the server (wxcard sign) and put the result in signature", "cardExt 缺少 signature：请在服务端签名（wxcard sign），把结果填入 signature"},
	msgSignatureEmpty:        {"signature is empty: sign on the server (wxcard sign) and put the result in signature", "signature 为空：请在服务端签名（wxcard sign），把结果填入 signature"},
	msgSignatureFormat:       {"signature must be 40 hexadecimal digits (a SHA-1), not {0}: use the lowercase hex SHA-1 of the sorted values (wxcard sign), not an MD5 or a placeholder", "signature 必须是 40 位十六进制数（SHA-1），而不是 {0}：请用各值排序拼接后的 SHA-1 小写十六进制（wxcard sign），不要用 MD5 或占位符"},
	msgSignatureUpper:        {"signature is uppercase hex; WeChat's is lowercase: send the lowercase hex digest, without toUpperCase", "signature 是大写十六进制；微信使用小写：请直接使用小写十六进制摘要，不要 toUpperCase"},
	msgCodeTooLong:           {"code is {0} characters long; at most 20 are allowed: use a shorter custom code, and never an encrypted code", "code 长 {0} 个字符，最多 20 个：请改用更短的自定义 code，且不要传加密 code"},
	msgCodeCharset:           {"code contains {0}: use ASCII letters and digits only", "code 含有 {0}：只能用 ASCII 字母和数字"},
	msgCodeRequired:          {"card {0} uses custom codes: put the code you assign in cardExt and sign it", "卡券 {0} 为自定义 code 模式：请把你分配的 code 写入 cardExt 并参与签名"},
	msgCodeNotAllowed:        {"card {0} does not use custom codes: remove code from cardExt and the signature", "卡券 {0} 不是自定义 code 模式：请从 cardExt 和签名中去掉 code"},
	msgCodeNotAllowedDeposit: {"card {0} takes its codes from the deposited pool (GET_CUSTOM_CODE_MODE_DEPOSIT): remove code from cardExt and the signature", "卡券 {0} 从导入的 code 池取码（GET_CUSTOM_CODE_MODE_DEPOSIT）：请从 cardExt 和签名中去掉 code"},
	msgOpenIDRequired:        {"card {0} is bound to one user (bind_openid): put that user's openid in cardExt and sign it", "卡券 {0} 指定了领取者（bind_openid）：请把该用户的 openid 写入 cardExt 并参与签名"},
	msgOpenIDNotAllowed:      {"card {0} is not bound to a user (bind_openid false): remove openid from cardExt and the signature", "卡券 {0} 未指定领取者（bind_openid 为 false）：请从 cardExt 和签名中去掉 openid"},
	msgEmptyField:            {"{0} is an empty string: drop the key instead", "{0} 是空字符串：请直接删除该键"},
	msgFixedBegin:            {"fixed_begintimestamp is for DATE_TYPE_FIX_TERM cards; card {0} is {1}: remove it from cardExt", "fixed_begintimestamp 仅用于 DATE_TYPE_FIX_TERM 卡券；卡券 {0} 是 {1}：请从 cardExt 中去掉"},
	msgUnknownField:          {"{0} is not a cardExt field: fix the spelling or remove it (the fields are code, openid, timestamp, nonce_str, fixed_begintimestamp, outer_str, signature)", "{0} 不是 cardExt 的字段：请更正拼写或删除（字段有 code、openid、timestamp、nonce_str、fixed_begintimestamp、outer_str、signature）"},
	msgUnknownFieldHint:      {"{0} is not a cardExt field: did you mean {1}?", "{0} 不是 cardExt 的字段：是否应为 {1}？"},
	msgUnknownCardIDInExt:    {"{0} does not belong in cardExt: remove it; the card id goes in cardId, beside cardExt", "{0} 不属于 cardExt：请删除；卡券 ID 应放在 cardExt 之外的 cardId 中"},
	msgUnknownItemField:      {"{0} is not a cardList item field: remove it; an item has only cardId and cardExt", "{0} 不是 cardList 项的字段：请删除；每项只有 cardId 和 cardExt"},
	msgUnknownItemFieldHint:  {"{0} is not a cardList item field: did you mean {1}?", "{0} 不是 cardList 项的字段：是否应为 {1}？"},
	msgUnknownItemInExt:      {"{0} belongs inside the cardExt string, not beside it: move it into the object you JSON.stringify as cardExt", "{0} 应放在 cardExt 字符串里，而不是它旁边：请把它移入要 JSON.stringify 的 cardExt 对象"},
	msgUnknownOpenItemField:  {"{0} is not an openCard item field: remove it; an item has only cardId and code", "{0} 不是 openCard 项的字段：请删除；每项只有 cardId 和 code"},
	msgUnknownExtraField:     {"{0} is not an activation extraData field: remove it; extraData takes only encrypt_card_id, outer_str and biz", "{0} 不是开卡组件 extraData 的字段：请删除；extraData 只需要 encrypt_card_id、outer_str 和 biz"},
	msgUnknownExtraFieldHint: {"{0} is not an activation extraData field: did you mean {1}?", "{0} 不是开卡组件 extraData 的字段：是否应为 {1}？"},
	msgLegacyOuterID:         {"outer_id is a legacy field: use outer_str for the channel", "outer_id 是旧字段：渠道请用 outer_str"},
	msgLegacyBalance:         {"balance is a legacy field that addCard no longer reads: remove it", "balance 是旧字段，addCard 已不再读取：请删除"},
	msgSecretKey:             {"{0} is a server secret and must never reach the mini program: remove it, sign on the server, and rotate the secret if it has shipped", "{0} 是服务端密钥，绝不能下发到小程序：请删除，改在服务端签名；若已发布过，请更换该密钥"},
	msgSecretValue:           {"this value carries {0}, a server secret: remove it from the value, keep the secret on the server, and rotate it if it has shipped", "该值带有服务端密钥 {0}：请从值中去掉，密钥只能留在服务端；若已发布过，请更换该密钥"},
	msgDuplicateKey:          {"the key {0} appears more than once in this object, and parsers disagree on which value wins: keep one", "该对象中键 {0} 出现了不止一次，不同解析器取值不同：请只保留一处"},
	msgDuplicateCard:         {"card {0} with code {1} is already in this batch, at cardList[{2}]: send each card and code once", "卡券 {0} 与 code {1} 已在本批 cardList[{2}] 中出现：每个卡券与 code 只发送一次"},
	msgUnknownCard:           {"cardId {0} has no definition in options.cards, so the rules that need one are skipped: add its definition (or its card/get response) to options.cards", "cardId {0} 在 options.cards 中没有定义，依赖定义的规则被跳过：请把它的定义（或 card/get 的返回）加入 options.cards"},
	msgCodeEncrypted:         {"code {0} looks encrypted, as addCard returns it: decrypt it on the server with card/code/decrypt first", "code {0} 像是 addCard 返回的加密 code：请先在服务端用 card/code/decrypt 解码"},
	msgCodeMissing:           {"code is missing: pass the card's plain code (decrypt addCard's code on the server with card/code/decrypt)", "缺少 code：请传入卡券的明文 code（addCard 返回的加密 code 须先在服务端用 card/code/decrypt 解码）"},
	msgCodeEmpty:             {"code is empty: pass the card's plain code (decrypt addCard's code on the server with card/code/decrypt)", "code 为空：请传入卡券的明文 code（addCard 返回的加密 code 须先在服务端用 card/code/decrypt 解码）"},
	msgURLNotActivate:        {"not a member-card activation URL: expected https://mp.weixin.qq.com/bizmall/activatemembercard?…; pass the url card/membercard/activate/geturl returned, unchanged", "不是会员卡开卡链接：应为 https://mp.weixin.qq.com/bizmall/activatemembercard?…；请原样传入 card/membercard/activate/geturl 返回的 url"},
	msgURLParamMissing:       {"the URL has no {0} parameter: pass the url that card/membercard/activate/geturl returned, unchanged", "URL 中没有参数 {0}：请原样传入 card/membercard/activate/geturl 返回的 url，不要截断"},
	msgURLBadEscape:          {"the URL parameter {0} has a malformed %-escape: pass the url geturl returned, unchanged (each % is followed by two hex digits)", "URL 参数 {0} 中有错误的 % 转义：请原样使用 geturl 返回的 url（每个 % 后须跟两位十六进制数字）"},
	msgAppIDWrong:            {"appId must be wxeb490c6f9b154ef9 (the activation component), not {0}", "appId 必须是开卡组件的 wxeb490c6f9b154ef9，而不是 {0}"},
	msgAppIDMissing:          {"appId is missing: use wxeb490c6f9b154ef9", "缺少 appId：请用 wxeb490c6f9b154ef9"},
	msgExtraDataMissing:      {"extraData is missing: pass encrypt_card_id, outer_str and biz from the activation URL", "缺少 extraData：请传入开卡链接中的 encrypt_card_id、outer_str 和 biz"},
	msgExtraFieldMissing:     {"extraData has no {0}: take it from the activation URL (parseActivateUrl does it)", "extraData 缺少 {0}：请从开卡链接中取出（parseActivateUrl 可代劳）"},
	msgReferrerFieldMissing:  {"referrerInfo.extraData has no {0}: the server needs activate_ticket, card_id and code to call activatetempinfo/get; ask the user to submit the form again", "referrerInfo.extraData 缺少 {0}：服务端要凭 activate_ticket、card_id 和 code 调用 activatetempinfo/get；请让用户重新提交开卡表单"},
	msgExtraNotDecoded:       {"{0} still holds %-escapes ({1}): decode it once with decodeURIComponent", "{0} 仍含 % 转义（{1}）：请用 decodeURIComponent 解码一次"},
	msgExtraOverDecoded:      {"{0} holds a space: a form decoder turned '+' into ' '; decode only %XX (decodeURIComponent)", "{0} 含空格：表单解码器把 '+' 变成了 ' '；只解码 %XX（decodeURIComponent）"},
	msgExtraFragment:         {"{0} still holds #wechat_redirect: cut the URL's fragment before reading its parameters", "{0} 仍带有 #wechat_redirect：读取参数前先去掉 URL 的 # 片段"},
	msgNavigateDeprecated:    {"wx.navigateToMiniProgram is being retired: prefer <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">", "wx.navigateToMiniProgram 即将废弃：建议使用 <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">"},
	msgAddCardCancel:         {"the user cancelled adding the cards: nothing to fix; let the user try again", "用户取消了添加卡券：无须处理，可让用户重试"},
	msgAddCardFail:           {"addCard failed: {0}. Check the payload with validateCardList, and the signature on the server with wxcard verify", "添加卡券失败：{0}。请用 validateCardList 检查所发参数，并在服务端用 wxcard verify 校验签名"},
	msgAddCardFailSignature: {"addCard failed: {0}. Causes of 签名错误: a jsapi_ticket used instead of the card api_ticket (type=wx_card); an expired ticket; values not sorted by byte order, or keys sorted instead of values; a timestamp, nonce_str, code or openid signed that differs from the one in cardExt; card_id left out of the signature; outer_str or fixed_begintimestamp signed; cardExt passed as an object (iOS). Check the payload with validateCardList, and re-sign on the server with the wx_card api_ticket (wxcard sign; wxcard verify explains a mismatch)",
		"添加卡券失败：{0}。“签名错误”的原因：用了 jsapi_ticket 而不是卡券 api_ticket（type=wx_card）；ticket 已过期；各值未按字节序排序，或排序的是键而不是值；签名用的 timestamp、nonce_str、code 或 openid 与 cardExt 中的不一致；签名漏了 card_id；把 outer_str 或 fixed_begintimestamp 也签了；cardExt 以对象传入（iOS）。请用 validateCardList 检查参数，并在服务端用卡券 api_ticket 重新签名（wxcard sign；wxcard verify 可说明哪里不一致）"},
	msgAddCardFailParam: {"addCard failed: {0}. Causes of 参数错误: cardExt not a JSON string or not valid JSON; code missing on a custom-code card or present on another; openid missing on a bind_openid card or present on another; fixed_begintimestamp on a card that is not DATE_TYPE_FIX_TERM; a cardId that does not exist or belongs to another official account than the one bound to the mini program. Check the payload with validateCardList, giving options.cards each card's card/get response",
		"添加卡券失败：{0}。“参数错误”的原因：cardExt 不是 JSON 字符串或不是合法 JSON；自定义 code 卡券缺少 code，或其他卡券带了 code；bind_openid 卡券缺少 openid，或其他卡券带了 openid；非 DATE_TYPE_FIX_TERM 卡券使用了 fixed_begintimestamp；cardId 不存在或不属于小程序绑定的公众号。请用 validateCardList 检查参数，并在 options.cards 中提供各卡券 card/get 的返回"},
	msgAddCardFailSoldOut: {"addCard failed: {0}. Causes of 已领完: the card's stock is used up; the user reached the card's get_limit; a nonce_str (with its timestamp) or a custom code was already used by an earlier request. Check the stock with card/get (add more with card/modifystock), and use a fresh nonce_str and code for every request",
		"添加卡券失败：{0}。“已领完”的原因：卡券库存已用完；用户已达到领取上限 get_limit；nonce_str（及其 timestamp）或自定义 code 已被之前的请求使用过。请用 card/get 查看库存（可用 card/modifystock 增加），并为每次请求使用新的 nonce_str 和 code"},
	msgCardNotAdded:              {"card {0} was not added (isSuccess false): check that card's payload and stock, and tell the user which card failed", "卡券 {0} 未添加成功（isSuccess 为 false）：请检查该卡的参数和库存，并告知用户是哪张卡失败"},
	msgTimestampNotInteger:       {"{0} is {1}, not a whole number of seconds: write Math.floor(Date.now() / 1000) (Python: int(time.time())) and sign that value", "{0} 为 {1}，不是整数秒：请写 Math.floor(Date.now() / 1000)（Python：int(time.time())），并用该值签名"},
	msgOptNowMillis:              {"option now is {0}: that is milliseconds; pass unix seconds ({1}), e.g. Math.floor(Date.now() / 1000)", "选项 now 为 {0}：这是毫秒；请传 unix 秒（{1}），例如 Math.floor(Date.now() / 1000)"},
	msgSecretOuterStr:            {"outer_str looks like a ticket (64 or more ticket characters): put a channel name here, never the api_ticket", "outer_str 像是票据（64 个以上票据字符）：这里应填渠道名，绝不能放 api_ticket"},
	msgLintSpecialFile:           {"this is a {0}, not a file: it was not read; name payload files only", "这是 {0}，不是文件：未读取；请只指定卡券参数文件"},
	msgDiagnosticsTruncated:      {"{0} more diagnostics in this document are not listed (at most {1} are): fix those above and check again", "本文档另有 {0} 条诊断未列出（最多列出 {1} 条）：先修复上面的问题，再检查一次"},
	msgActivateTicketReused:      {"this activate_ticket was already handled in this app session (Android can replay a stale referrerInfo on a later onShow): act on each ticket once and ignore the repeat", "本次运行已处理过这个 activate_ticket（Android 可能在之后的 onShow 中重放过期的 referrerInfo）：每个票据只处理一次，忽略这次重复"},
	msgStockIDFormat:             {"cardId {0} does not look like a merchant coupon's stock_id (1–32 digits): pass the 批次号 the stock was created with", "cardId {0} 不像商家券的批次号 stock_id（1–32 位数字）：请填创建批次时得到的批次号"},
	msgCouponOutRequestNoMissing: {"this merchant coupon's cardExt has no out_request_no: give every coupon its own 商户请求单号 and sign it", "该商家券的 cardExt 缺少 out_request_no：每张券都要有自己的商户请求单号，并参与签名"},
	msgCouponOutRequestNoEmpty:   {"out_request_no is empty: give every coupon its own 商户请求单号 and sign it", "out_request_no 为空：每张券都要有自己的商户请求单号，并参与签名"},
	msgOutRequestNoLong:          {"out_request_no has {0} characters; WeChat Pay takes at most 128: use a shorter request number", "out_request_no 有 {0} 个字符，微信支付最多接受 128 个：请改用更短的单号"},
	msgOutRequestNoCharset:       {"out_request_no holds {0}; WeChat Pay takes only letters, digits and _-|*: generate the number from those", "out_request_no 含有 {0}；微信支付只接受字母、数字和 _-|*：请只用这些字符生成单号"},
	msgOutRequestNoReused:        {"out_request_no repeats that of cardList[{0}]; WeChat Pay issues one coupon per request number: generate a new one for every coupon", "out_request_no 与 cardList[{0}] 的重复；微信支付一个单号只发一张券：请为每张券生成新的单号"},
	msgCouponSignFormat:          {"sign must be the 64 hexadecimal digits of an HMAC-SHA256, not {0}: sign on the server with the API v2 key (wxcard sign --coupon)", "sign 必须是 HMAC-SHA256 的 64 位十六进制数，而不是 {0}：请在服务端用 API v2 密钥签名（wxcard sign --coupon）"},
	msgSendTimeFormat:            {"customize_send_time {0} is not an RFC 3339 time with an offset: write it like 2021-01-01T12:00:00+08:00", "customize_send_time {0} 不是带时区偏移的 RFC 3339 时间：请写成 2021-01-01T12:00:00+08:00 这样"},
	msgCouponFirstMissing:        {"the batch's first merchant coupon has no {0}: put send_coupon_merchant and the batch's sign in the first coupon's cardExt", "本批第一张商家券缺少 {0}：send_coupon_merchant 和本批的 sign 要放在第一张券的 cardExt 里"},
	msgCouponFirstEmpty:          {"{0} is empty in the batch's first merchant coupon: fill in the issuing merchant id and the sign made on the server", "本批第一张商家券的 {0} 为空：请填入发券商户号和服务端生成的 sign"},
	msgUnknownStockIDInExt:       {"{0} does not belong in cardExt: a merchant coupon's stock_id travels as cardId beside cardExt", "{0} 不属于 cardExt：商家券的批次号 stock_id 应作为 cardId 放在 cardExt 之外"},
	msgCouponCardField:           {"{0} is a field of a card's cardExt; a merchant coupon's cardExt does not take it: remove it", "{0} 是卡券 cardExt 的字段，商家券的 cardExt 不接受：请删除"},
	msgCouponCardFieldHint:       {"{0} is a field of a card's cardExt; a merchant coupon's cardExt calls it {1}: rename it", "{0} 是卡券 cardExt 的字段；商家券的 cardExt 里应叫 {1}：请改名"},
	msgUnknownCouponField:        {"{0} is not a field of a merchant coupon's cardExt: remove it", "{0} 不是商家券 cardExt 的字段：请删除"},
	msgUnknownCouponFieldHint:    {"{0} is not a field of a merchant coupon's cardExt: did you mean {1}?", "{0} 不是商家券 cardExt 的字段：是否应为 {1}？"},
	msgCodeEncryptedPercent:      {"code {0} is an encrypted code, still percent-encoded (%2B, %2F, %3D): decode it once (decodeURIComponent) and decrypt it on the server with card/code/decrypt", "code {0} 是加密 code，且仍带百分号编码（%2B、%2F、%3D）：先解码一次（decodeURIComponent），再在服务端用 card/code/decrypt 解码"},
	msgCodeEncryptedSpace:        {"code {0} is an encrypted code whose + became a space (a form decoder, or PHP's urldecode after encodeURI): send it with encodeURIComponent, read it with rawurldecode or decodeURIComponent, then decrypt it with card/code/decrypt", "code {0} 是加密 code，其中的 + 变成了空格（表单解码，或 encodeURI 之后 PHP 用了 urldecode）：发送时用 encodeURIComponent，接收时用 rawurldecode 或 decodeURIComponent，再用 card/code/decrypt 解码"},
	msgCodeEncryptedPadding:      {"code {0} is an encrypted code that lost its = padding: pass addCard's code unchanged to card/code/decrypt, and send the plain code it returns", "code {0} 是丢了结尾 = 的加密 code：把 addCard 返回的 code 原样交给 card/code/decrypt，传入它返回的明文 code"},
	msgURLOuterStrMissing:        {"the URL has no outer_str parameter; geturl treats it as optional, so the result passes outer_str \"\": add outer_str when you call geturl if you need the channel", "URL 中没有 outer_str 参数；geturl 视其为可选，结果中 outer_str 为 \"\"：需要渠道值时，请在调用 geturl 时传入 outer_str"},
	msgURLParamEmpty:             {"the URL parameter {0} is present but empty: pass the url that geturl returned unchanged", "URL 参数 {0} 存在但为空：请原样使用 geturl 返回的 url"},
	msgBizFormat:                 {"biz {0} is not valid base64 (an official account's biz looks like MzI0MDAxNTU3MQ==): take biz from the activation URL as it is, without adding or trimming =", "biz {0} 不是合法的 base64（公众号的 biz 形如 MzI0MDAxNTU3MQ==）：请原样使用开卡链接里的 biz，不要补上或去掉 ="},
	msgExtraFieldEmpty:           {"extraData.{0} is empty: take it from the activation URL (parseActivateUrl does it)", "extraData.{0} 为空：请从开卡链接中取出（parseActivateUrl 可代劳）"},
	msgReferrerFieldEmpty:        {"referrerInfo.extraData.{0} is empty: the server needs activate_ticket, card_id and code to call activatetempinfo/get; ask the user to submit the form again", "referrerInfo.extraData.{0} 为空：服务端要凭 activate_ticket、card_id 和 code 调用 activatetempinfo/get；请让用户重新提交开卡表单"},
	msgInCardList:                {"cardList is JSON text that is not valid JSON: {0}", "cardList 是 JSON 文本，但不是合法的 JSON：{0}"},
	msgAddCardFailGetLimit:       {"addCard failed: {0}. 已领取 means the user already holds as many of this card as its get_limit allows: tell the user, or raise get_limit with card/update", "添加卡券失败：{0}。“已领取”表示用户持有的数量已达该卡券的领取上限 get_limit：请提示用户，或用 card/update 调高 get_limit"},
	msgAddCardFailSystem:         {"addCard failed: {0}. 系统错误 in the devtools usually means the card APIs cannot run there (try a real device); on a device it also follows a card of another official account, or a WeChat Pay coupon passed as a card: check that cardId belongs to the account bound to the mini program", "添加卡券失败：{0}。开发者工具里的“系统错误”通常表示卡券接口在工具中无法运行（请用真机调试）；真机上它也可能是因为卡券属于其他公众号，或把微信支付的代金券当作卡券传入：请确认 cardId 属于与小程序绑定的公众号"},
	msgSecretPEM:                 {"this value is a PEM private key: keep it on the server, and replace the key (it has leaked)", "该值是 PEM 私钥：私钥只能留在服务端，并请立即更换（它已经泄露）"},
	msgOptColor:                  {"option color must be true, false or the terminal's facts {\"tty\", \"NO_COLOR\", \"FORCE_COLOR\"}, not {0}", "选项 color 必须是 true、false 或终端信息 {\"tty\", \"NO_COLOR\", \"FORCE_COLOR\"}，而不是{0}"},
	msgOptColorTerminal:          {"option color: {0} is not one of tty (boolean), NO_COLOR and FORCE_COLOR (strings): remove it", "选项 color 中的 {0} 不是 tty（布尔值）、NO_COLOR 或 FORCE_COLOR（字符串）之一：请删除"},
	msgOptColorOp:                {"option color applies to lint only: remove it from this request", "选项 color 仅用于 lint：请从本请求中删除"},
	msgCardExtInSource:           {"cardExt is {0}; wx.addCard needs a JSON string (iOS reports 签名错误): pass JSON.stringify(cardExt)", "cardExt 是{0}；wx.addCard 要求 JSON 字符串（否则 iOS 上报“签名错误”）：请传 JSON.stringify(cardExt)"},
	msgTimestampClock:            {"{0} is {1}, in milliseconds; WeChat takes unix seconds: use Math.floor(Date.now() / 1000), or better the timestamp the server signed", "{0} 用的是 {1}，单位是毫秒；微信要求 unix 秒：请改为 Math.floor(Date.now() / 1000)，最好直接用服务端签名时的 timestamp"},
	msgSuggestSeconds:            {"Divide by 1000 and floor: Math.floor(… / 1000)", "除以 1000 并取整：Math.floor(… / 1000)"},
	msgCodesFromAddCard:          {"wx.openCard is given the codes addCard returned, which are encrypted: decrypt them on the server with card/code/decrypt and open the cards with the plain codes", "wx.openCard 用的是 addCard 返回的 code，它们是加密的：请先在服务端用 card/code/decrypt 解码，再用明文 code 打开卡券"},
}

// format fills {0}, {1}, … in the template of id for the locale.
func format(id msgID, zh bool, args ...string) string {
	t := messages[id].En
	if zh {
		t = messages[id].Zh
	}
	if len(args) == 0 || strings.IndexByte(t, '{') < 0 {
		return t
	}
	var b strings.Builder
	b.Grow(len(t) + 16*len(args))
	for i := 0; i < len(t); i++ {
		if t[i] == '{' && i+2 < len(t) && t[i+2] == '}' && t[i+1] >= '0' && t[i+1] <= '9' {
			if k := int(t[i+1] - '0'); k < len(args) {
				b.WriteString(args[k])
				i += 2
				continue
			}
		}
		b.WriteByte(t[i])
	}
	return b.String()
}

// kindName names a JSON type inside a message ("not a number"). It is
// called from many places: kept out of line, it costs the wasm module once.
//
//go:noinline
func kindName(k kind, zh bool) string {
	if zh {
		switch k {
		case kindNull:
			return " null"
		case kindBool:
			return "布尔值"
		case kindNumber:
			return "数字"
		case kindString:
			return "字符串"
		case kindArray:
			return "数组"
		case kindObject:
			return "对象"
		}
		return "空"
	}
	switch k {
	case kindNull:
		return "null"
	case kindArray, kindObject:
		return "an " + k.String()
	}
	return "a " + k.String()
}
