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
	msgCount
)

var messages = [msgCount]Text{
	msgSynEmpty:         {"the text is empty: a JSON value is required", "文本为空：需要一个 JSON 值"},
	msgSynEOF:           {"unexpected end of text: a value is missing", "文本意外结束：缺少一个值"},
	msgSynEOFArray:      {"unexpected end of text inside an array: ']' is missing", "数组未结束：缺少 ']'"},
	msgSynEOFObject:     {"unexpected end of text inside an object: '}' is missing", "对象未结束：缺少 '}'"},
	msgSynTrailing:      {"unexpected text after the JSON value", "JSON 值之后有多余的文本"},
	msgSynUnexpected:    {"unexpected character {0}", "意外的字符 {0}"},
	msgSynBareWord:      {"unexpected word {0}: strings must be in double quotes", "意外的单词 {0}：字符串必须用双引号括起来"},
	msgSynNaN:           {"{0} is not JSON: numbers must be finite and written in digits", "{0} 不是 JSON：数字必须是有限的十进制数"},
	msgSynUndefined:     {"undefined is not JSON: drop the key or use null", "undefined 不是 JSON：请删除该键或使用 null"},
	msgSynSingleQuote:   {"strings and keys take double quotes, not single quotes", "字符串和键必须用双引号，不能用单引号"},
	msgSynComment:       {"comments are not allowed in JSON", "JSON 中不允许注释"},
	msgSynTrailingComma: {"a trailing comma before {0}", "{0} 之前多了一个逗号"},
	msgSynUTF8:          {"invalid UTF-8 byte sequence", "非法的 UTF-8 字节序列"},
	msgSynLeadingZero:   {"a number must not start with 0", "数字不能以 0 开头"},
	msgSynNumber:        {"invalid number", "非法的数字"},
	msgSynUnterminated:  {"unterminated string: the closing '\"' is missing", "字符串未结束：缺少结尾的 '\"'"},
	msgSynEscape:        {"invalid escape \\{0} in a string", "字符串中有非法转义 \\{0}"},
	msgSynUnicode:       {"invalid \\u escape: four hex digits are needed", "非法的 \\u 转义：需要四位十六进制数字"},
	msgSynSurrogate:     {"a lone UTF-16 surrogate in a \\u escape", "\\u 转义中有不成对的 UTF-16 代理项"},
	msgSynControl:       {"control character {0} in a string: escape it", "字符串中有控制字符 {0}：须转义"},
	msgSynArraySep:      {"expected ',' or ']' after an array element, found {0}", "数组元素之后应为 ',' 或 ']'，实际是 {0}"},
	msgSynObjectSep:     {"expected ',' or '}' after an object member, found {0}", "对象成员之后应为 ',' 或 '}'，实际是 {0}"},
	msgSynColon:         {"expected ':' after an object key, found {0}", "对象键之后应为 ':'，实际是 {0}"},
	msgSynKey:           {"expected a key in double quotes, found {0}", "应为双引号括起的键，实际是 {0}"},
	msgSynUnquotedKey:   {"the key {0} must be in double quotes", "键 {0} 必须用双引号括起来"},
	msgSynBOM:           {"the text starts with a byte order mark: save it as UTF-8 without BOM", "文本以字节顺序标记（BOM）开头：请存为无 BOM 的 UTF-8"},
	msgLimitDepth:       {"JSON nests deeper than 64 levels", "JSON 嵌套超过 64 层"},
	msgLimitSize:        {"the input is {0} bytes; at most {1} are accepted", "输入有 {0} 字节；最多接受 {1} 字节"},
	msgLimitFile:        {"the file is {0} bytes; at most {1} (1 MiB) are accepted: split it, or leave it out", "文件有 {0} 字节；最多接受 {1} 字节（1 MiB）：请拆分，或不检查它"},

	msgInRequest: {"the request is not valid JSON: {0}", "请求不是合法的 JSON：{0}"},
	msgInPayload: {"the payload is not valid JSON: {0}", "payload 不是合法的 JSON：{0}"},
	msgInCardExt: {"cardExt is not valid JSON: {0}", "cardExt 不是合法的 JSON：{0}"},
	msgInFile:    {"the file is not valid JSON: {0}", "文件不是合法的 JSON：{0}"},

	msgReqUnknownOp:         {"unknown operation {0}; the operations are validateCardList, buildAddCard, buildOpenCard, parseAddCardResult, parseActivateUrl, validateMemberCardLaunch, parseReferrerInfo and lint", "未知操作 {0}；可用操作为 validateCardList、buildAddCard、buildOpenCard、parseAddCardResult、parseActivateUrl、validateMemberCardLaunch、parseReferrerInfo 和 lint"},
	msgReqNotObject:         {"the request must be an object {\"payload\": …, \"options\": {…}}, not {0}", "请求必须是对象 {\"payload\": …, \"options\": {…}}，而不是{0}"},
	msgReqUnknownKey:        {"unknown request key {0}: a request has only payload and options", "未知的请求键 {0}：请求只有 payload 和 options"},
	msgReqNoPayload:         {"the request has no payload", "请求缺少 payload"},
	msgReqOptionsType:       {"options must be an object, not {0}", "options 必须是对象，而不是{0}"},
	msgReqUnknownOption:     {"unknown option {0}; the options are locale, cards, now, maxSkewSeconds and, for lint, format, for parseReferrerInfo, seenActivateTickets", "未知选项 {0}；可用选项为 locale、cards、now、maxSkewSeconds，lint 另有 format，parseReferrerInfo 另有 seenActivateTickets"},
	msgReqUnknownOptionHint: {"unknown option {0}: did you mean {1}?", "未知选项 {0}：是否应为 {1}？"},
	msgOptLocale:            {"option locale must be \"en\" or \"zh-CN\", not {0}", "选项 locale 必须是 \"en\" 或 \"zh-CN\"，而不是 {0}"},
	msgOptInteger:           {"option {0} must be a whole number of seconds, not {1}", "选项 {0} 必须是整数秒，而不是 {1}"},
	msgOptCards:             {"option cards must be an object keyed by cardId, not {0}", "选项 cards 必须是以 cardId 为键的对象，而不是{0}"},
	msgOptCardDef:           {"the definition of card {0} must be an object, not {1}", "卡券 {0} 的定义必须是对象，而不是{1}"},
	msgOptCardDefKey:        {"the definition of card {0} has an unknown key {1}; use use_custom_code, get_custom_code_mode, bind_openid and date_type, or WeChat's card/get response", "卡券 {0} 的定义中有未知的键 {1}；请用 use_custom_code、get_custom_code_mode、bind_openid、date_type，或微信 card/get 的返回"},
	msgOptCardDefBool:       {"in the definition of card {0}, {1} must be a boolean, not {2}", "卡券 {0} 的定义中，{1} 必须是布尔值，而不是{2}"},
	msgOptCardDefString:     {"in the definition of card {0}, {1} must be a string, not {2}", "卡券 {0} 的定义中，{1} 必须是字符串，而不是{2}"},
	msgOptCardDefRaw:        {"the card/get response for card {0} has no base_info under card.{1}", "卡券 {0} 的 card/get 返回中，card.{1} 下没有 base_info"},
	msgOptFormat:            {"option format must be text, json, sarif or github, not {0}", "选项 format 必须是 text、json、sarif 或 github，而不是 {0}"},
	msgOptFormatOp:          {"option format applies to lint only", "选项 format 仅用于 lint"},
	msgOptSeenTickets:       {"option seenActivateTickets must be an array of activate_ticket strings, not {0}", "选项 seenActivateTickets 必须是 activate_ticket 字符串的数组，而不是 {0}"},
	msgOptSeenTicketsOp:     {"option seenActivateTickets applies to parseReferrerInfo only", "选项 seenActivateTickets 仅用于 parseReferrerInfo"},

	msgShapePayload:       {"the payload must be an object, not {0}", "payload 必须是对象，而不是{0}"},
	msgShapeNoCardList:    {"cardList is missing", "缺少 cardList"},
	msgShapeCardListType:  {"cardList must be an array, not {0}", "cardList 必须是数组，而不是{0}"},
	msgShapeCardListEmpty: {"cardList is empty: add at least one card", "cardList 为空：至少要有一张卡"},
	msgShapeItem:          {"a cardList item must be an object, not {0}", "cardList 的每一项必须是对象，而不是{0}"},
	msgShapeURL:           {"the payload must be the activation URL as a string, not {0}", "payload 必须是开卡链接字符串，而不是{0}"},
	msgShapeNoErrMsg:      {"errMsg is missing: pass the res object the addCard callback received", "缺少 errMsg：请传入 addCard 回调收到的 res 对象"},
	msgShapeErrMsgOther:   {"errMsg {0} is not an addCard result", "errMsg {0} 不是 addCard 的结果"},
	msgShapeFiles:         {"the lint payload must be {\"files\": [{\"path\", \"content\"}]}", "lint 的 payload 必须是 {\"files\": [{\"path\", \"content\"}]}"},
	msgShapeFile:          {"each file must be {\"path\": string, \"content\": string} (and \"explicit\": true for a file named on the command line)", "每个文件必须是 {\"path\": 字符串, \"content\": 字符串}（命令行上指名的文件另加 \"explicit\": true）"},

	msgTypeString:      {"{0} must be a string, not {1}", "{0} 必须是字符串，而不是{1}"},
	msgTypeStringQuote: {"{0} must be a string, not a number: write \"{1}\" (and sign that same string)", "{0} 必须是字符串，而不是数字：写成 \"{1}\"（签名也用同一个字符串）"},
	msgTypeTimestamp:   {"timestamp must be whole seconds, as a number or a string of digits, not {0}", "timestamp 必须是整数秒（数字或纯数字字符串），而不是{0}"},
	msgTypeFixedBegin:  {"fixed_begintimestamp must be whole seconds as a number, not {0}", "fixed_begintimestamp 必须是整数秒的数字，而不是{0}"},
	msgTypeBool:        {"{0} must be a boolean, not {1}", "{0} 必须是布尔值，而不是{1}"},
	msgTypeObject:      {"{0} must be an object, not {1}", "{0} 必须是对象，而不是{1}"},

	msgCardIDMissing:         {"cardId is missing", "缺少 cardId"},
	msgCardIDEmpty:           {"cardId is empty", "cardId 为空"},
	msgCardIDFormat:          {"cardId {0} does not look like a card id (p followed by 26–31 letters, digits, _ or -)", "cardId {0} 不像卡券 ID（p 后接 26–31 个字母、数字、_ 或 -）"},
	msgCardExtMissing:        {"cardExt is missing", "缺少 cardExt"},
	msgCardExtNull:           {"cardExt is null", "cardExt 为 null"},
	msgCardExtNotString:      {"cardExt must be a JSON string, not {0}: pass JSON.stringify(cardExt) (iOS reports 签名错误 otherwise)", "cardExt 必须是 JSON 字符串，而不是{0}：请传 JSON.stringify(cardExt)（否则 iOS 上报“签名错误”）"},
	msgCardExtNotObject:      {"cardExt must encode an object, not {0}", "cardExt 必须编码一个对象，而不是{0}"},
	msgCardExtTwice:          {"cardExt was JSON-encoded twice: it decodes to a string; call JSON.stringify once", "cardExt 被 JSON 编码了两次：解码后仍是字符串；只调用一次 JSON.stringify"},
	msgTimestampMissing:      {"timestamp is missing from cardExt", "cardExt 缺少 timestamp"},
	msgTimestampEmpty:        {"timestamp is empty", "timestamp 为空"},
	msgTimestampMillis:       {"timestamp {0} is in milliseconds; WeChat wants seconds ({1})", "timestamp {0} 的单位是毫秒；微信要求秒（{1}）"},
	msgSkewAhead:             {"timestamp {0} is {1} seconds ahead of now; at most {2} are allowed", "timestamp {0} 比当前时间快 {1} 秒；最多允许 {2} 秒"},
	msgSkewBehind:            {"timestamp {0} is {1} seconds behind now; at most {2} are allowed", "timestamp {0} 比当前时间慢 {1} 秒；最多允许 {2} 秒"},
	msgSkew8h:                {"timestamp {0} is {1} seconds off now, about 8 hours: a unix timestamp has no time zone, do not add UTC+8", "timestamp {0} 与当前时间相差 {1} 秒，约 8 小时：unix 时间戳没有时区，不要加上东八区的 8 小时"},
	msgSkewOld:               {"timestamp {0} is before 2001: it is not a unix time in seconds", "timestamp {0} 早于 2001 年：不是以秒计的 unix 时间"},
	msgNonceMissing:          {"nonce_str is missing: without it the request can be replayed", "缺少 nonce_str：没有它请求可能被重放"},
	msgNonceEmpty:            {"nonce_str is empty: without it the request can be replayed", "nonce_str 为空：没有它请求可能被重放"},
	msgNonceTooLong:          {"nonce_str is {0} characters long; at most 32 are allowed", "nonce_str 长 {0} 个字符；最多 32 个"},
	msgNonceCharset:          {"nonce_str contains {0}: use ASCII letters and digits only", "nonce_str 含有 {0}：只能用 ASCII 字母和数字"},
	msgNonceReused:           {"nonce_str and timestamp repeat those of cardList[{0}]; WeChat refuses the repeat (users see 已领完)", "nonce_str 与 timestamp 和 cardList[{0}] 的相同；微信会拒绝重复的请求（用户看到“已领完”）"},
	msgSignatureMissing:      {"signature is missing from cardExt", "cardExt 缺少 signature"},
	msgSignatureEmpty:        {"signature is empty", "signature 为空"},
	msgSignatureFormat:       {"signature must be 40 hexadecimal digits (a SHA-1), not {0}", "signature 必须是 40 位十六进制数（SHA-1），而不是 {0}"},
	msgSignatureUpper:        {"signature is uppercase hex; WeChat's is lowercase", "signature 是大写十六进制；微信使用小写"},
	msgCodeTooLong:           {"code is {0} characters long; at most 20 are allowed", "code 长 {0} 个字符；最多 20 个"},
	msgCodeCharset:           {"code contains {0}: use ASCII letters and digits only", "code 含有 {0}：只能用 ASCII 字母和数字"},
	msgCodeRequired:          {"card {0} uses custom codes: cardExt needs a code", "卡券 {0} 为自定义 code 模式：cardExt 须提供 code"},
	msgCodeNotAllowed:        {"card {0} does not use custom codes: remove code from cardExt and the signature", "卡券 {0} 不是自定义 code 模式：请从 cardExt 和签名中去掉 code"},
	msgCodeNotAllowedDeposit: {"card {0} takes its codes from the deposited pool (GET_CUSTOM_CODE_MODE_DEPOSIT): remove code from cardExt and the signature", "卡券 {0} 从导入的 code 池取码（GET_CUSTOM_CODE_MODE_DEPOSIT）：请从 cardExt 和签名中去掉 code"},
	msgOpenIDRequired:        {"card {0} is bound to one user (bind_openid): cardExt needs that user's openid", "卡券 {0} 指定了领取者（bind_openid）：cardExt 须提供该用户的 openid"},
	msgOpenIDNotAllowed:      {"card {0} is not bound to a user (bind_openid false): remove openid from cardExt and the signature", "卡券 {0} 未指定领取者（bind_openid 为 false）：请从 cardExt 和签名中去掉 openid"},
	msgEmptyField:            {"{0} is an empty string: drop the key instead", "{0} 是空字符串：请直接删除该键"},
	msgFixedBegin:            {"fixed_begintimestamp is for DATE_TYPE_FIX_TERM cards; card {0} is {1}", "fixed_begintimestamp 仅用于 DATE_TYPE_FIX_TERM 卡券；卡券 {0} 是 {1}"},
	msgUnknownField:          {"{0} is not a cardExt field", "{0} 不是 cardExt 的字段"},
	msgUnknownFieldHint:      {"{0} is not a cardExt field: did you mean {1}?", "{0} 不是 cardExt 的字段：是否应为 {1}？"},
	msgUnknownCardIDInExt:    {"{0} does not belong in cardExt: the card id travels as cardId beside cardExt", "{0} 不属于 cardExt：卡券 ID 应作为 cardId 放在 cardExt 之外"},
	msgUnknownItemField:      {"{0} is not a cardList item field (cardId, cardExt)", "{0} 不是 cardList 项的字段（cardId、cardExt）"},
	msgUnknownItemFieldHint:  {"{0} is not a cardList item field: did you mean {1}?", "{0} 不是 cardList 项的字段：是否应为 {1}？"},
	msgUnknownItemInExt:      {"{0} belongs inside the cardExt string, not beside it", "{0} 应放在 cardExt 字符串里，而不是它旁边"},
	msgUnknownOpenItemField:  {"{0} is not an openCard item field (cardId, code)", "{0} 不是 openCard 项的字段（cardId、code）"},
	msgUnknownExtraField:     {"{0} is not an activation extraData field (encrypt_card_id, outer_str, biz)", "{0} 不是开卡组件 extraData 的字段（encrypt_card_id、outer_str、biz）"},
	msgUnknownExtraFieldHint: {"{0} is not an activation extraData field: did you mean {1}?", "{0} 不是开卡组件 extraData 的字段：是否应为 {1}？"},
	msgLegacyOuterID:         {"outer_id is a legacy field: use outer_str for the channel", "outer_id 是旧字段：渠道请用 outer_str"},
	msgLegacyBalance:         {"balance is a legacy field that addCard no longer reads", "balance 是旧字段，addCard 已不再读取"},
	msgSecretKey:             {"{0} is a server secret: it must never reach the mini program", "{0} 是服务端密钥：绝不能下发到小程序"},
	msgSecretValue:           {"this value carries {0}: server secrets must never reach the mini program", "该值带有 {0}：服务端密钥绝不能下发到小程序"},
	msgDuplicateKey:          {"the key {0} appears more than once in this object: parsers disagree on which value wins", "该对象中键 {0} 出现了不止一次：不同解析器取值不同"},
	msgDuplicateCard:         {"card {0} with code {1} is already in this batch, at cardList[{2}]", "卡券 {0} 与 code {1} 已在本批 cardList[{2}] 中出现"},
	msgUnknownCard:           {"cardId {0} has no definition in options.cards; the rules that need one are skipped", "cardId {0} 在 options.cards 中没有定义；依赖定义的规则被跳过"},
	msgCodeEncrypted:         {"code {0} looks encrypted, as addCard returns it: decrypt it on the server with card/code/decrypt first", "code {0} 像是 addCard 返回的加密 code：请先在服务端用 card/code/decrypt 解码"},
	msgCodeMissing:           {"code is missing: openCard needs the card's decrypted code", "缺少 code：openCard 需要卡券解码后的 code"},
	msgCodeEmpty:             {"code is empty: openCard needs the card's decrypted code", "code 为空：openCard 需要卡券解码后的 code"},
	msgURLNotActivate:        {"not a member-card activation URL: expected https://mp.weixin.qq.com/bizmall/activatemembercard?…", "不是会员卡开卡链接：应为 https://mp.weixin.qq.com/bizmall/activatemembercard?…"},
	msgURLParamMissing:       {"the URL has no {0} parameter", "URL 中没有参数 {0}"},
	msgURLBadEscape:          {"the URL parameter {0} has a malformed %-escape", "URL 参数 {0} 中有错误的 % 转义"},
	msgAppIDWrong:            {"appId must be wxeb490c6f9b154ef9 (the activation component), not {0}", "appId 必须是开卡组件的 wxeb490c6f9b154ef9，而不是 {0}"},
	msgAppIDMissing:          {"appId is missing: use wxeb490c6f9b154ef9", "缺少 appId：请用 wxeb490c6f9b154ef9"},
	msgExtraDataMissing:      {"extraData is missing: pass encrypt_card_id, outer_str and biz from the activation URL", "缺少 extraData：请传入开卡链接中的 encrypt_card_id、outer_str 和 biz"},
	msgExtraFieldMissing:     {"extraData has no {0}", "extraData 缺少 {0}"},
	msgReferrerFieldMissing:  {"referrerInfo.extraData has no {0}", "referrerInfo.extraData 缺少 {0}"},
	msgExtraNotDecoded:       {"{0} still holds %-escapes ({1}): urldecode it once", "{0} 仍含 % 转义（{1}）：须 urldecode 一次"},
	msgExtraOverDecoded:      {"{0} holds a space: a form decoder turned '+' into ' '; decode only %XX (decodeURIComponent)", "{0} 含空格：表单解码器把 '+' 变成了 ' '；只解码 %XX（decodeURIComponent）"},
	msgExtraFragment:         {"{0} still holds #wechat_redirect: cut the URL's fragment before reading its parameters", "{0} 仍带有 #wechat_redirect：读取参数前先去掉 URL 的 # 片段"},
	msgNavigateDeprecated:    {"wx.navigateToMiniProgram is being retired: prefer <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">", "wx.navigateToMiniProgram 即将废弃：建议使用 <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">"},
	msgAddCardCancel:         {"the user cancelled adding the cards", "用户取消了添加卡券"},
	msgAddCardFail:           {"addCard failed: {0}", "添加卡券失败：{0}"},
	msgAddCardFailSignature: {"addCard failed: {0}. Causes of 签名错误: a jsapi_ticket used instead of the card api_ticket (type=wx_card); an expired ticket; values not sorted by byte order, or keys sorted instead of values; a timestamp, nonce_str, code or openid signed that differs from the one in cardExt; card_id left out of the signature; outer_str or fixed_begintimestamp signed; cardExt passed as an object (iOS)",
		"添加卡券失败：{0}。“签名错误”的原因：用了 jsapi_ticket 而不是卡券 api_ticket（type=wx_card）；ticket 已过期；各值未按字节序排序，或排序的是键而不是值；签名用的 timestamp、nonce_str、code 或 openid 与 cardExt 中的不一致；签名漏了 card_id；把 outer_str 或 fixed_begintimestamp 也签了；cardExt 以对象传入（iOS）"},
	msgAddCardFailParam: {"addCard failed: {0}. Causes of 参数错误: cardExt not a JSON string or not valid JSON; code missing on a custom-code card or present on another; openid missing on a bind_openid card or present on another; fixed_begintimestamp on a card that is not DATE_TYPE_FIX_TERM; a cardId that does not exist or belongs to another official account than the one bound to the mini program",
		"添加卡券失败：{0}。“参数错误”的原因：cardExt 不是 JSON 字符串或不是合法 JSON；自定义 code 卡券缺少 code，或其他卡券带了 code；bind_openid 卡券缺少 openid，或其他卡券带了 openid；非 DATE_TYPE_FIX_TERM 卡券使用了 fixed_begintimestamp；cardId 不存在或不属于小程序绑定的公众号"},
	msgAddCardFailSoldOut: {"addCard failed: {0}. Causes of 已领完: the card's stock is used up; the user reached the card's get_limit; a nonce_str (with its timestamp) or a custom code was already used by an earlier request",
		"添加卡券失败：{0}。“已领完”的原因：卡券库存已用完；用户已达到领取上限 get_limit；nonce_str（及其 timestamp）或自定义 code 已被之前的请求使用过"},
	msgCardNotAdded:         {"card {0} was not added (isSuccess false)", "卡券 {0} 未添加成功（isSuccess 为 false）"},
	msgTimestampNotInteger:  {"{0} is {1}, not a whole number of seconds: write Math.floor(Date.now() / 1000) (Python: int(time.time())) and sign that value", "{0} 为 {1}，不是整数秒：请写 Math.floor(Date.now() / 1000)（Python：int(time.time())），并用该值签名"},
	msgOptNowMillis:         {"option now is {0}: that is milliseconds; pass unix seconds ({1}), e.g. Math.floor(Date.now() / 1000)", "选项 now 为 {0}：这是毫秒；请传 unix 秒（{1}），例如 Math.floor(Date.now() / 1000)"},
	msgSecretOuterStr:       {"outer_str looks like a ticket (64 or more ticket characters): put a channel name here, never the api_ticket", "outer_str 像是票据（64 个以上票据字符）：这里应填渠道名，绝不能放 api_ticket"},
	msgLintSpecialFile:      {"this is a {0}, not a file: it was not read; name payload files only", "这是 {0}，不是文件：未读取；请只指定卡券参数文件"},
	msgDiagnosticsTruncated: {"{0} more diagnostics in this document are not listed (at most {1} are): fix those above and check again", "本文档另有 {0} 条诊断未列出（最多列出 {1} 条）：先修复上面的问题，再检查一次"},
	msgActivateTicketReused: {"this activate_ticket was already handled in this app session (Android can replay a stale referrerInfo on a later onShow): act on each ticket once and ignore the repeat", "本次运行已处理过这个 activate_ticket（Android 可能在之后的 onShow 中重放过期的 referrerInfo）：每个票据只处理一次，忽略这次重复"},
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
