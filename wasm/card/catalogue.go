package card

// Text is one piece of prose in every locale the core speaks.
type Text struct {
	En string `json:"en"`
	Zh string `json:"zh-CN"`
}

// In returns the text in locale (English unless zh-CN).
func (t Text) In(locale string) string {
	if locale == LocaleZh {
		return t.Zh
	}
	return t.En
}

// Locales the core speaks.
const (
	LocaleEn = "en"
	LocaleZh = "zh-CN"
)

// Rule is one entry of the rule catalogue: a stable code, its severity,
// what it catches and how to fix it. Docs, SARIF rule metadata and the JSON
// Schema are generated from this table.
type Rule struct {
	Code     string
	Severity Severity
	Summary  Text // what it catches
	Fix      Text // how to fix it
	Why      Text // why WeChat (or the user) suffers
	// WeChat is what WeChat is documented to answer for this mistake (the
	// detail of addCard:fail), or nil where no WeChat text documents one.
	WeChat *WeChatDetail
}

// WeChatDetail is the failure detail WeChat's own texts give for a mistake,
// and where they say so. The test mock answers with it.
type WeChatDetail struct {
	Detail string // as WeChat shows it, e.g. 签名错误
	Source string // the document that maps the mistake to it
	URL    string
}

// Rule codes. They are stable: users and tests match on them.
const (
	CodeJSONSyntax            = "json-syntax"
	CodePayloadLimit          = "payload-limit"
	CodeRequestInvalid        = "request-invalid"
	CodePayloadShape          = "payload-shape"
	CodeFieldType             = "field-type"
	CodeDuplicateKey          = "duplicate-key"
	CodeCardIDMissing         = "card-id-missing"
	CodeCardIDFormat          = "card-id-format"
	CodeCardExtMissing        = "cardext-missing"
	CodeCardExtNotString      = "cardext-not-string"
	CodeCardExtNotObject      = "cardext-not-object"
	CodeTimestampMissing      = "timestamp-missing"
	CodeTimestampMilliseconds = "timestamp-milliseconds"
	CodeTimestampSkew         = "timestamp-skew"
	CodeNonceMissing          = "nonce-missing"
	CodeNonceTooLong          = "nonce-too-long"
	CodeNonceCharset          = "nonce-charset"
	CodeNonceReused           = "nonce-reused"
	CodeSignatureMissing      = "signature-missing"
	CodeSignatureFormat       = "signature-format"
	CodeCodeTooLong           = "code-too-long"
	CodeCodeCharset           = "code-charset"
	CodeCodeRequired          = "code-required"
	CodeCodeNotAllowed        = "code-not-allowed"
	CodeOpenIDRequired        = "openid-required"
	CodeOpenIDNotAllowed      = "openid-not-allowed"
	CodeEmptyField            = "empty-field"
	CodeFixedBeginNotFixTerm  = "fixed-begin-not-fix-term"
	CodeUnknownField          = "unknown-field"
	CodeLegacyField           = "legacy-field"
	CodeSecretInPayload       = "secret-in-payload"
	CodeDuplicateCard         = "duplicate-card"
	CodeUnknownCard           = "unknown-card"
	CodeCodeEncrypted         = "code-encrypted"
	CodeCodeMissing           = "code-missing"
	CodeURLNotActivate        = "url-not-activate"
	CodeURLParamMissing       = "url-param-missing"
	CodeAppIDWrong            = "appid-wrong"
	CodeExtraFieldMissing     = "extra-field-missing"
	CodeExtraNotDecoded       = "extra-not-decoded"
	CodeExtraOverDecoded      = "extra-over-decoded"
	CodeExtraFragment         = "extra-fragment"
	CodeNavigateDeprecated    = "navigate-deprecated"
	CodeAddCardCancel         = "addcard-cancel"
	CodeAddCardFail           = "addcard-fail"
	CodeCardNotAdded          = "card-not-added"
	CodeActivateTicketReused  = "activate-ticket-reused"
	CodeDiagnosticsTruncated  = "diagnostics-truncated"
	CodeLintFileInvalid       = "lint-file-invalid"
	CodeTimestampNotInteger   = "timestamp-not-integer"
	CodeStockIDFormat         = "stock-id-format"
	CodeCouponFieldMissing    = "coupon-field-missing"
	CodeOutRequestNoFormat    = "out-request-no-format"
	CodeOutRequestNoReused    = "out-request-no-reused"
	CodeCouponSignFormat      = "coupon-sign-format"
	CodeSendTimeFormat        = "send-time-format"
	CodeBizFormat             = "biz-format"
	CodeReferrerFieldMissing  = "referrer-field-missing"
)

// entry is a catalogue row; Why comes from why.go.
type entry struct {
	Code     string
	Severity Severity
	Summary  Text
	Fix      Text
}

func (e entry) rule() Rule {
	return Rule{Code: e.Code, Severity: e.Severity, Summary: e.Summary, Fix: e.Fix, Why: whyOf(e.Code), WeChat: wechatOf(e.Code)}
}

var catalogue = [...]entry{
	{CodeJSONSyntax, SeverityError,
		Text{"The payload, or a cardExt string inside it, is not valid JSON.", "payload 或其中的 cardExt 字符串不是合法的 JSON。"},
		Text{"Fix the text at the reported position; produce JSON with JSON.stringify rather than by hand.", "修正所报告位置的文本；用 JSON.stringify 生成 JSON，不要手工拼接。"}},
	{CodePayloadLimit, SeverityError,
		Text{"The input is over 1 MiB, or its JSON nests deeper than 64 levels.", "输入超过 1 MiB，或 JSON 嵌套超过 64 层。"},
		Text{"Split the input into smaller batches; card payloads are small and flat.", "把输入拆成更小的批次；卡券参数本应小而扁平。"}},
	{CodeRequestInvalid, SeverityError,
		Text{"The request is not {\"payload\", \"options\"}, names an unknown operation, or has an unknown or mistyped option.", "请求不是 {\"payload\", \"options\"}，或操作名未知，或选项未知或类型错误。"},
		Text{"Check the operation name and the options against the documentation.", "对照文档检查操作名和选项。"}},
	{CodePayloadShape, SeverityError,
		Text{"The payload is not an object, or cardList is missing, not an array, or empty.", "payload 不是对象，或 cardList 缺失、不是数组、为空。"},
		Text{"Pass the same object you pass to the WeChat API, with a non-empty cardList.", "传入与调用微信接口时相同的对象，且 cardList 非空。"}},
	{CodeFieldType, SeverityError,
		Text{"A known field has the wrong JSON type.", "已知字段的 JSON 类型错误。"},
		Text{"Strings: cardId, code, openid, nonce_str, outer_str, signature. timestamp: a number (or a string of digits). fixed_begintimestamp: a number.", "字符串：cardId、code、openid、nonce_str、outer_str、signature。timestamp：数字（或纯数字字符串）。fixed_begintimestamp：数字。"}},
	{CodeDuplicateKey, SeverityError,
		Text{"An object has the same key twice; parsers disagree on which value wins, so the signed value may not be the one WeChat reads.", "对象中同一个键出现两次；不同解析器取值不同，签名用的值未必是微信读取的值。"},
		Text{"Keep one occurrence of the key.", "只保留该键的一处。"}},
	{CodeCardIDMissing, SeverityError,
		Text{"A cardList item has no cardId, or an empty one.", "cardList 中某项缺少 cardId 或为空。"},
		Text{"Set cardId to the card_id returned when the card was created.", "把 cardId 设为创建卡券时返回的 card_id。"}},
	{CodeCardIDFormat, SeverityWarning,
		Text{"Heuristic: the cardId does not look like a WeChat card id (p followed by 26–31 letters, digits, _ or -).", "经验规则：cardId 不像微信卡券 ID（p 后接 26–31 个字母、数字、_ 或 -）。"},
		Text{"Copy the card_id exactly, without spaces or quotes; do not pass an encrypted card id here.", "原样复制 card_id，不要带空格或引号；这里不能用加密的 card_id。"}},
	{CodeCardExtMissing, SeverityError,
		Text{"A cardList item has no cardExt.", "cardList 中某项缺少 cardExt。"},
		Text{"Add cardExt: the JSON string of timestamp, signature and the other signed fields.", "添加 cardExt：包含 timestamp、signature 等签名字段的 JSON 字符串。"}},
	{CodeCardExtNotString, SeverityError,
		Text{"cardExt is an object, array or number; it must be a JSON string (iOS reports 签名错误 otherwise).", "cardExt 是对象、数组或数字；它必须是 JSON 字符串（否则 iOS 上报“签名错误”）。"},
		Text{"Pass JSON.stringify(cardExt).", "传入 JSON.stringify(cardExt)。"}},
	{CodeCardExtNotObject, SeverityError,
		Text{"The cardExt string decodes to something other than an object (often: it was JSON-encoded twice).", "cardExt 字符串解码后不是对象（常见原因：被 JSON 编码了两次）。"},
		Text{"JSON.stringify the cardExt object exactly once.", "对 cardExt 对象只调用一次 JSON.stringify。"}},
	{CodeTimestampMissing, SeverityError,
		Text{"cardExt has no timestamp, or an empty one.", "cardExt 缺少 timestamp 或为空。"},
		Text{"Set timestamp to the unix time in seconds used when signing.", "把 timestamp 设为签名时使用的 unix 秒级时间戳。"}},
	{CodeTimestampMilliseconds, SeverityError,
		Text{"timestamp is 10^12 or more: it is in milliseconds.", "timestamp 不小于 10^12：单位是毫秒。"},
		Text{"Use seconds: Math.floor(Date.now() / 1000), or time.Now().Unix(); sign that same value.", "改用秒：Math.floor(Date.now() / 1000) 或 time.Now().Unix()，并用同一个值签名。"}},
	{CodeTimestampNotInteger, SeverityError,
		Text{"timestamp (or fixed_begintimestamp) has a fraction or an exponent: 1700000000.5, 1.7e9, \"1700000000.0\".", "timestamp（或 fixed_begintimestamp）带小数或指数：1700000000.5、1.7e9、\"1700000000.0\"。"},
		Text{"Use whole seconds: Math.floor(Date.now() / 1000), int(time.time()); sign exactly that value.", "使用整数秒：Math.floor(Date.now() / 1000)、int(time.time())；并用同一个值签名。"}},
	{CodeTimestampSkew, SeverityWarning,
		Text{"With options.now: timestamp is further from now than options.maxSkewSeconds (default 7200), or before 2001.", "提供 options.now 时：timestamp 与当前时间相差超过 options.maxSkewSeconds（默认 7200），或早于 2001 年。"},
		Text{"Sign with the server's current unix time; a unix timestamp has no time zone, so do not add 8 hours.", "用服务器当前的 unix 时间签名；unix 时间戳没有时区，不要加 8 小时。"}},
	{CodeNonceMissing, SeverityWarning,
		Text{"cardExt has no nonce_str: the request may be replayed.", "cardExt 缺少 nonce_str：请求可能被重放。"},
		Text{"Generate a fresh random nonce_str (letters and digits, at most 32) per card and sign it.", "为每张卡生成新的随机 nonce_str（字母和数字，不超过 32 位）并参与签名。"}},
	{CodeNonceTooLong, SeverityError,
		Text{"nonce_str is longer than 32 characters.", "nonce_str 超过 32 个字符。"},
		Text{"Use at most 32 letters and digits.", "最多使用 32 个字母和数字。"}},
	{CodeNonceCharset, SeverityWarning,
		Text{"nonce_str has characters other than ASCII letters and digits.", "nonce_str 含有 ASCII 字母和数字以外的字符。"},
		Text{"Draw nonce_str from A–Z, a–z and 0–9 only.", "nonce_str 只用 A–Z、a–z、0–9。"}},
	{CodeNonceReused, SeverityError,
		Text{"Two cards of one batch share nonce_str and timestamp; WeChat treats the second as a replay (users see 已领完).", "同一批中两张卡的 nonce_str 与 timestamp 相同；微信视第二张为重放（用户看到“已领完”）。"},
		Text{"Generate a new nonce_str for every card.", "为每张卡生成新的 nonce_str。"}},
	{CodeSignatureMissing, SeverityError,
		Text{"cardExt has no signature, or an empty one.", "cardExt 缺少 signature 或为空。"},
		Text{"Sign on the server (wxcard sign) and put the result in signature.", "在服务端签名（wxcard sign），把结果写入 signature。"}},
	{CodeSignatureFormat, SeverityError,
		Text{"signature is not 40 hexadecimal digits (a SHA-1); uppercase hex is a warning.", "signature 不是 40 位十六进制数（SHA-1）；大写十六进制为警告。"},
		Text{"Use the lowercase hex SHA-1 of the sorted values; do not pass an MD5, a base64 digest or a placeholder.", "使用排序后各值的 SHA-1 小写十六进制；不要用 MD5、base64 摘要或占位符。"}},
	{CodeCodeTooLong, SeverityError,
		Text{"code is longer than 20 characters.", "code 超过 20 个字符。"},
		Text{"Custom codes are at most 20 characters; check that you did not pass an encrypted code.", "自定义 code 最多 20 个字符；检查是否误传了加密 code。"}},
	{CodeCodeCharset, SeverityWarning,
		Text{"code has characters other than ASCII letters and digits.", "code 含有 ASCII 字母和数字以外的字符。"},
		Text{"Use letters and digits only in custom codes.", "自定义 code 只用字母和数字。"}},
	{CodeCodeRequired, SeverityError,
		Text{"With a card definition: a custom-code card (not in DEPOSIT mode) gets no code.", "有卡券定义时：自定义 code 卡券（非 DEPOSIT 模式）未提供 code。"},
		Text{"Put the code you assign into cardExt and sign it.", "把你分配的 code 写入 cardExt 并参与签名。"}},
	{CodeCodeNotAllowed, SeverityError,
		Text{"With a card definition: a card that is not custom-code (or takes codes from a deposited pool) gets a code.", "有卡券定义时：非自定义 code 卡券（或从导入 code 池取码的卡券）提供了 code。"},
		Text{"Remove code from cardExt and from the signature.", "从 cardExt 和签名中去掉 code。"}},
	{CodeOpenIDRequired, SeverityError,
		Text{"With a card definition: a card with bind_openid true gets no openid.", "有卡券定义时：bind_openid 为 true 的卡券未提供 openid。"},
		Text{"Put the claiming user's openid into cardExt and sign it.", "把领取用户的 openid 写入 cardExt 并参与签名。"}},
	{CodeOpenIDNotAllowed, SeverityError,
		Text{"With a card definition: a card with bind_openid false gets an openid.", "有卡券定义时：bind_openid 为 false 的卡券提供了 openid。"},
		Text{"Remove openid from cardExt and from the signature.", "从 cardExt 和签名中去掉 openid。"}},
	{CodeEmptyField, SeverityWarning,
		Text{"code or openid is present as an empty string.", "code 或 openid 以空字符串出现。"},
		Text{"Drop the key instead of sending \"\".", "删除该键，不要传 \"\"。"}},
	{CodeFixedBeginNotFixTerm, SeverityError,
		Text{"With a card definition: fixed_begintimestamp on a card whose date type is not DATE_TYPE_FIX_TERM.", "有卡券定义时：有效期类型不是 DATE_TYPE_FIX_TERM 的卡券使用了 fixed_begintimestamp。"},
		Text{"Remove fixed_begintimestamp, or use it only with DATE_TYPE_FIX_TERM cards.", "去掉 fixed_begintimestamp，或仅用于 DATE_TYPE_FIX_TERM 卡券。"}},
	{CodeUnknownField, SeverityWarning,
		Text{"A key that cardExt (or the API's object) does not define; usually a misspelling.", "cardExt（或接口对象）未定义的键；通常是拼写错误。"},
		Text{"Use the suggested name; card_id travels as cardId beside cardExt.", "改用建议的名字；card_id 应作为 cardId 放在 cardExt 之外。"}},
	{CodeLegacyField, SeverityInfo,
		Text{"outer_id or balance: fields of an older cardExt.", "outer_id 或 balance：旧版 cardExt 的字段。"},
		Text{"Use outer_str for the channel; drop balance.", "渠道用 outer_str；去掉 balance。"}},
	{CodeSecretInPayload, SeverityError,
		Text{"A key that names a server secret (api_ticket, …_access_token, refresh_token, appsecret, client_secret, session_key, mch_key, api_key, apiv3_key, private_key; not activate_ticket) holds a value, or a value carries one as a query parameter; lint looks in every JSON file it reads.", "有键名为服务端密钥（api_ticket、…_access_token、refresh_token、appsecret、client_secret、session_key、mch_key、api_key、apiv3_key、private_key；activate_ticket 除外）且有值，或某个值以查询参数带着它；lint 检查读到的每个 JSON 文件。"},
		Text{"Sign on the server and send only the signature; rotate the leaked secret.", "在服务端签名，只下发 signature；并更换已泄露的密钥。"}},
	{CodeDuplicateCard, SeverityWarning,
		Text{"The same cardId and code appear twice in one batch.", "同一批中相同的 cardId 与 code 出现两次。"},
		Text{"Send each card and code once.", "每个卡券与 code 只发送一次。"}},
	{CodeUnknownCard, SeverityInfo,
		Text{"options.cards is given but has no definition for this cardId, so the rules that need one are skipped.", "提供了 options.cards 但其中没有该 cardId 的定义，依赖定义的规则被跳过。"},
		Text{"Add the card's definition (or its card/get response) to options.cards.", "把该卡券的定义（或其 card/get 返回）加入 options.cards。"}},
	{CodeCodeEncrypted, SeverityError,
		Text{"openCard: code looks like the encrypted code addCard returned (base64 with +/=, or 24/44/64 characters), or like one damaged on its way to decrypt (percent-encoded, + turned into a space, = padding stripped).", "openCard：code 像是 addCard 返回的加密 code（含 +/= 的 base64，或长度为 24/44/64），或是在送去解码途中被破坏的加密 code（仍带百分号编码、+ 变成空格、结尾的 = 被去掉）。"},
		Text{"Decrypt it on the server with card/code/decrypt and pass the plain code; carry the encrypted code with encodeURIComponent and read it with a decoder that keeps + (decodeURIComponent, rawurldecode).", "在服务端用 card/code/decrypt 解码后传入明文 code；传递加密 code 时用 encodeURIComponent，读取时用保留 + 的解码方式（decodeURIComponent、rawurldecode）。"}},
	{CodeCodeMissing, SeverityError,
		Text{"openCard: an item has no code, or an empty one.", "openCard：某项缺少 code 或为空。"},
		Text{"Pass the decrypted code of the card to open.", "传入要打开的卡券的解码后 code。"}},
	{CodeURLNotActivate, SeverityError,
		Text{"The URL is not the member-card activation URL https://mp.weixin.qq.com/bizmall/activatemembercard….", "URL 不是会员卡开卡链接 https://mp.weixin.qq.com/bizmall/activatemembercard…。"},
		Text{"Pass the url returned by card/membercard/activate/geturl unchanged.", "原样传入 card/membercard/activate/geturl 返回的 url。"}},
	{CodeURLParamMissing, SeverityError,
		Text{"encrypt_card_id or biz is missing from the URL, empty, or cannot be decoded; a missing outer_str is a warning (geturl treats it as optional; the result passes \"\").", "URL 中缺少 encrypt_card_id 或 biz、其值为空或无法解码；缺少 outer_str 只是警告（geturl 视其为可选，结果中为 \"\"）。"},
		Text{"Use the complete URL the API returned; do not trim its query.", "使用接口返回的完整 URL；不要截断其查询参数。"}},
	{CodeAppIDWrong, SeverityError,
		Text{"The member-card launch appId is not wxeb490c6f9b154ef9.", "会员卡开卡组件的 appId 不是 wxeb490c6f9b154ef9。"},
		Text{"Use appId wxeb490c6f9b154ef9, the activation component, not your own appId.", "使用开卡组件的 appId wxeb490c6f9b154ef9，而不是自己的 appId。"}},
	{CodeExtraFieldMissing, SeverityError,
		Text{"extraData lacks encrypt_card_id, outer_str or biz, or encrypt_card_id or biz is empty (outer_str may be \"\").", "extraData 缺少 encrypt_card_id、outer_str 或 biz，或 encrypt_card_id、biz 为空（outer_str 可以为 \"\"）。"},
		Text{"Take all three parameters from the activation URL (parseActivateUrl does it).", "从开卡链接中取出全部三个参数（parseActivateUrl 可代劳）。"}},
	{CodeExtraNotDecoded, SeverityError,
		Text{"An extraData value still holds %XX escapes; it must be urldecoded once.", "extraData 的值仍含 %XX 转义；须 urldecode 一次。"},
		Text{"Decode each value once with decodeURIComponent.", "用 decodeURIComponent 对每个值解码一次。"}},
	{CodeExtraOverDecoded, SeverityError,
		Text{"encrypt_card_id or biz holds a space: a form decoder turned + into a space.", "encrypt_card_id 或 biz 含空格：表单解码器把 + 变成了空格。"},
		Text{"Decode with decodeURIComponent (or url.PathUnescape), not a form/query decoder.", "用 decodeURIComponent（或 url.PathUnescape）解码，不要用表单/查询解码器。"}},
	{CodeExtraFragment, SeverityError,
		Text{"An extraData value still holds #wechat_redirect.", "extraData 的值仍带有 #wechat_redirect。"},
		Text{"Cut the URL's #fragment before reading its parameters.", "读取参数前先去掉 URL 的 #片段。"}},
	{CodeNavigateDeprecated, SeverityInfo,
		Text{"wx.navigateToMiniProgram is being retired; <navigator target=\"miniProgram\"> is its successor.", "wx.navigateToMiniProgram 即将废弃；其替代是 <navigator target=\"miniProgram\">。"},
		Text{"Use <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">.", "使用 <navigator target=\"miniProgram\" app-id=\"wxeb490c6f9b154ef9\" extra-data=\"{{data}}\">。"}},
	{CodeAddCardCancel, SeverityInfo,
		Text{"addCard:fail cancel — the user cancelled.", "addCard:fail cancel —— 用户取消。"},
		Text{"Nothing to fix; let the user try again.", "无须修复；允许用户重试。"}},
	{CodeAddCardFail, SeverityError,
		Text{"addCard:fail with WeChat's detail; for 签名错误, 参数错误 and 已领完 the message lists that row's causes.", "addCard:fail 及微信返回的详情；对“签名错误”“参数错误”“已领完”，消息列出对应原因。"},
		Text{"Validate the payload you sent with validateCardList and verify its signature on the server (wxcard verify).", "用 validateCardList 检查所发送的参数，并在服务端校验签名（wxcard verify）。"}},
	{CodeCardNotAdded, SeverityWarning,
		Text{"An addCard result item has isSuccess false.", "addCard 结果中某项 isSuccess 为 false。"},
		Text{"Check that card's payload and stock; tell the user which card failed.", "检查该卡的参数与库存；告诉用户哪张卡失败。"}},
	{CodeLintFileInvalid, SeverityError,
		Text{"lint: a file named on the command line (\"explicit\": true in the request) is not valid JSON, or a path is a FIFO, device, socket or directory that was not read; named files are never skipped silently.", "lint：命令行上指名的文件（请求中 \"explicit\": true）不是合法的 JSON，或某个路径是未读取的 FIFO、设备、套接字或目录；指名的文件绝不会被悄悄跳过。"},
		Text{"Fix the JSON at the reported position, or do not name the file.", "修正所报告位置的 JSON，或不要指名该文件。"}},
	{CodeDiagnosticsTruncated, SeverityInfo,
		Text{"More than 1,000 diagnostics for one document: the rest are counted, not listed.", "同一文档的诊断超过 1000 条：其余的只计数，不列出。"},
		Text{"Fix the problems listed (often one mistake repeated in every card) and check again.", "先修复已列出的问题（常是每张卡都重复的同一个错误），再检查一次。"}},
	{CodeActivateTicketReused, SeverityWarning,
		Text{"Dev guard: App.onShow received an activate_ticket that this app session already handled (options.seenActivateTickets lists the ones the guard saw).", "开发守卫：App.onShow 收到的 activate_ticket 在本次运行中已经处理过（options.seenActivateTickets 列出守卫见过的票据）。"},
		Text{"Act on each activate_ticket once: remember the ones you sent to activatetempinfo/get and ignore a repeated referrerInfo.", "每个 activate_ticket 只处理一次：记住已提交给 activatetempinfo/get 的票据，忽略重复的 referrerInfo。"}},
	{CodeStockIDFormat, SeverityWarning,
		Text{"Merchant coupon (商家券): the cardId, which is the stock_id, is not 1–32 digits.", "商家券：cardId（即批次号 stock_id）不是 1–32 位数字。"},
		Text{"Pass the stock_id (批次号) WeChat Pay gave the stock as cardId, unchanged and as a string.", "把微信支付创建批次时给出的批次号 stock_id 原样作为字符串填入 cardId。"}},
	{CodeCouponFieldMissing, SeverityError,
		Text{"Merchant coupon: an item has no out_request_no, or the batch's first coupon lacks send_coupon_merchant or sign.", "商家券：某项缺少 out_request_no，或本批第一张券缺少 send_coupon_merchant 或 sign。"},
		Text{"Give every coupon its own out_request_no; put send_coupon_merchant and the sign made on the server (wxcard sign --coupon) in the first coupon's cardExt.", "每张券都给出自己的 out_request_no；把 send_coupon_merchant 和服务端生成的 sign（wxcard sign --coupon）放进第一张券的 cardExt。"}},
	{CodeOutRequestNoFormat, SeverityError,
		Text{"Merchant coupon: out_request_no is not 1–128 characters of letters, digits and _-|*.", "商家券：out_request_no 不是 1–128 个由字母、数字和 _-|* 组成的字符。"},
		Text{"Generate request numbers from letters, digits and _-|* only, at most 128 characters.", "单号只用字母、数字和 _-|*，最长 128 个字符。"}},
	{CodeOutRequestNoReused, SeverityError,
		Text{"Merchant coupon: two items of one batch share out_request_no.", "商家券：同一批中两项的 out_request_no 相同。"},
		Text{"Generate a new out_request_no for every coupon you send.", "每发一张券都生成新的 out_request_no。"}},
	{CodeCouponSignFormat, SeverityError,
		Text{"Merchant coupon: sign is not 64 hexadecimal digits (an HMAC-SHA256).", "商家券：sign 不是 64 位十六进制数（HMAC-SHA256）。"},
		Text{"Sign on the server with HMAC-SHA256 and the merchant's API v2 key (wxcard sign --coupon); not MD5, not the card signature's SHA-1.", "在服务端用商户的 API v2 密钥做 HMAC-SHA256 签名（wxcard sign --coupon）；不要用 MD5，也不要用卡券签名的 SHA-1。"}},
	{CodeSendTimeFormat, SeverityError,
		Text{"Merchant coupon: customize_send_time is not an RFC 3339 time with an offset.", "商家券：customize_send_time 不是带时区偏移的 RFC 3339 时间。"},
		Text{"Write it like 2021-01-01T12:00:00+08:00 (time.RFC3339 in Go, dayjs().format() in JavaScript), and sign that same text.", "写成 2021-01-01T12:00:00+08:00 这样（Go 用 time.RFC3339，JavaScript 用 dayjs().format()），签名也用同一段文本。"}},
	{CodeBizFormat, SeverityWarning,
		Text{"The activation biz is not valid base64 (e.g. WxJava's appended == on a 12-character biz).", "开卡参数 biz 不是合法的 base64（例如 WxJava 在 12 个字符的 biz 后多加了 ==）。"},
		Text{"Take biz from the activation URL exactly as geturl returned it, decoded once; do not add or strip = padding.", "按 geturl 返回的开卡链接原样取出 biz，只解码一次；不要补上或去掉 = 填充。"}},
	{CodeReferrerFieldMissing, SeverityWarning,
		Text{"parseReferrerInfo: the extraData that the activation component returned lacks activate_ticket, card_id or code.", "parseReferrerInfo：开卡组件返回的 extraData 缺少 activate_ticket、card_id 或 code。"},
		Text{"Do not call activatetempinfo/get with a partial set: ask the user to submit the form again, and read the three values from App.onShow's referrerInfo, not from a cached copy.", "不要拿不完整的参数调用 activatetempinfo/get：请用户重新提交开卡表单，并从 App.onShow 的 referrerInfo 中读取这三个值，而不是用缓存的旧值。"}},
}

// HostTexts are the core's words for what a host reports about source code
// rather than a payload (the ESLint plugin's own rules), by name; {0}, {1}
// are filled by the host. js/rules.js carries them, generated.
func HostTexts() map[string]Text {
	return map[string]Text{
		"cardext-in-source":  messages[msgCardExtInSource],
		"kind-object":        {kindName(kindObject, false), kindName(kindObject, true)},
		"kind-array":         {kindName(kindArray, false), kindName(kindArray, true)},
		"timestamp-clock":    messages[msgTimestampClock],
		"seconds-suggestion": messages[msgSuggestSeconds],
		"opencard-encrypted": messages[msgCodesFromAddCard],
	}
}

// SecretNames are the names secret-in-payload finds at the end of a key
// (lowercased, letters and digits only), and SecretMarkers what a value must
// hold to be read for a secret at all; hosts use them only to decide what
// to ask the core about.
func SecretNames() []string { return append([]string(nil), secretNames[:]...) }

// SecretMarkers: a query's '=', a percent escape, a PEM private key.
var SecretMarkers = []string{"=", "%", pemPrivateKey}

// Rules returns the rule catalogue, in documentation order.
func Rules() []Rule {
	out := make([]Rule, len(catalogue))
	for i, e := range catalogue {
		out[i] = e.rule()
	}
	return out
}

// LookupRule returns the catalogue entry for code.
func LookupRule(code string) (Rule, bool) {
	for _, e := range catalogue {
		if e.Code == code {
			return e.rule(), true
		}
	}
	return Rule{}, false
}
