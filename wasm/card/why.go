package card

// why says, per rule, why WeChat (or the user) suffers when the rule fires:
// the "why" of the rule documentation. An array rather than a map: it is
// read only to document rules, and as static data it costs the module no
// initialization code and no heap.
var why = [...]struct {
	code string
	text Text
}{
	{CodeJSONSyntax, Text{"WeChat parses cardExt with a JSON parser; text it cannot parse makes the whole request fail, usually as 参数错误 and without a position.", "微信用 JSON 解析器读取 cardExt；无法解析的文本会让整个请求失败，通常报“参数错误”且不指出位置。"}},
	{CodePayloadLimit, Text{"Card payloads are a few hundred bytes; an input this large or deep is a mistake and would cost the checker unbounded time and memory.", "卡券参数只有几百字节；这么大或这么深的输入必是错误，而且会让检查耗费无界的时间和内存。"}},
	{CodeRequestInvalid, Text{"An unknown operation or option would otherwise be ignored silently, and the check you asked for would not run.", "否则未知的操作或选项会被静默忽略，你要的检查不会执行。"}},
	{CodePayloadShape, Text{"wx.addCard and wx.openCard fail before contacting WeChat when cardList is missing or empty.", "cardList 缺失或为空时，wx.addCard 和 wx.openCard 在请求微信之前就会失败。"}},
	{CodeFieldType, Text{"WeChat signs and compares the string forms of the values; a number where a string belongs (or the reverse) changes what is compared and fails as 签名错误 or 参数错误.", "微信对各值的字符串形式签名和比较；该用字符串处用了数字（或反之），比较的内容就变了，结果是“签名错误”或“参数错误”。"}},
	{CodeDuplicateKey, Text{"JavaScript keeps the last of two equal keys, other parsers the first: the value you signed may not be the value WeChat reads.", "JavaScript 取重复键中的最后一个，其他解析器可能取第一个：你签名用的值未必是微信读到的值。"}},
	{CodeCardIDMissing, Text{"WeChat cannot tell which card to add or open without its id.", "没有卡券 ID，微信无法知道要添加或打开哪张卡。"}},
	{CodeCardIDFormat, Text{"Card ids are p followed by letters, digits, _ and -; spaces, quotes or an encrypted id make WeChat reject the card (参数错误) or sign a different card_id.", "卡券 ID 是 p 加字母、数字、_ 和 -；带空格、引号或用了加密 ID，微信会拒绝（参数错误）或签名中的 card_id 对不上。"}},
	{CodeCardExtMissing, Text{"cardExt carries the timestamp and signature WeChat verifies; without it the request is refused.", "cardExt 携带微信要校验的 timestamp 和 signature；没有它请求会被拒绝。"}},
	{CodeCardExtNotString, Text{"The API documents cardExt as a JSON string; Android may serialize an object for you, but iOS passes it on as is and WeChat reports 签名错误.", "接口规定 cardExt 是 JSON 字符串；Android 可能替你序列化对象，iOS 则原样传递，微信报“签名错误”。"}},
	{CodeCardExtNotObject, Text{"WeChat reads cardExt's fields from one JSON object; a string that decodes to a string (encoded twice) or an array has no fields to read.", "微信从一个 JSON 对象中读取 cardExt 的字段；解码后是字符串（编码两次）或数组，就没有字段可读。"}},
	{CodeTimestampMissing, Text{"timestamp is part of the signature and required by WeChat.", "timestamp 参与签名，微信要求必填。"}},
	{CodeTimestampMilliseconds, Text{"WeChat takes seconds; a millisecond timestamp is not the value the server expects and the signature check fails.", "微信要求以秒为单位；毫秒时间戳不是服务器期望的值，签名校验会失败。"}},
	{CodeTimestampSkew, Text{"WeChat refuses signatures made too far from the present; a clock 8 hours off is the classic result of adding UTC+8 to a unix time.", "微信拒绝离当前时间太远的签名；相差 8 小时是给 unix 时间加了东八区的典型结果。"}},
	{CodeNonceMissing, Text{"Without nonce_str a captured request can be replayed to claim the card again.", "没有 nonce_str，截获的请求可以被重放来再次领卡。"}},
	{CodeNonceTooLong, Text{"WeChat accepts at most 32 characters of nonce_str and refuses the request otherwise.", "微信最多接受 32 个字符的 nonce_str，否则拒绝请求。"}},
	{CodeNonceCharset, Text{"The documentation asks for letters and digits; other characters are escaped differently by different encoders, so the signed and sent values can differ.", "文档要求字母和数字；其他字符被不同编码器转义得不同，签名的值和发送的值可能不一致。"}},
	{CodeNonceReused, Text{"WeChat treats a repeated nonce_str and timestamp as a replay: the second card fails and users see 已领完.", "微信把重复的 nonce_str 与 timestamp 视为重放：第二张卡领取失败，用户看到“已领完”。"}},
	{CodeSignatureMissing, Text{"WeChat verifies every addCard request against its signature.", "微信对每个 addCard 请求都要校验签名。"}},
	{CodeSignatureFormat, Text{"The signature is a SHA-1 in lowercase hex; anything else can never match and fails as 签名错误.", "签名是小写十六进制的 SHA-1；其他形式永远对不上，结果是“签名错误”。"}},
	{CodeCodeTooLong, Text{"Custom codes are at most 20 characters; a longer one is refused, and is often an encrypted code by mistake.", "自定义 code 最多 20 个字符；更长的会被拒绝，且常常是误用了加密 code。"}},
	{CodeCodeCharset, Text{"Codes are shown and scanned as letters and digits; other characters are escaped differently by different encoders.", "code 以字母和数字展示和扫码；其他字符会被不同编码器转义得不同。"}},
	{CodeCodeRequired, Text{"A custom-code card has no code of WeChat's own: the code you assign must be in cardExt and in the signature.", "自定义 code 卡券没有微信生成的 code：你分配的 code 必须写进 cardExt 并参与签名。"}},
	{CodeCodeNotAllowed, Text{"WeChat assigns the code of a card that is not custom-code (or takes it from the deposited pool); a code in cardExt makes the request fail.", "非自定义 code 卡券（或从导入池取码的卡券）由微信分配 code；cardExt 中带 code 会导致请求失败。"}},
	{CodeOpenIDRequired, Text{"A bind_openid card can only be claimed by the openid named in cardExt; without it WeChat refuses the request.", "bind_openid 卡券只能由 cardExt 中指定的 openid 领取；缺少时微信拒绝请求。"}},
	{CodeOpenIDNotAllowed, Text{"The documentation forbids openid for cards with bind_openid false; WeChat refuses the request.", "文档规定 bind_openid 为 false 的卡券不能填写 openid；微信会拒绝请求。"}},
	{CodeEmptyField, Text{"An empty string is not the same as an absent field: some SDKs sign it as absent while WeChat reads it as present.", "空字符串与字段不存在不同：一些 SDK 签名时视为不存在，微信读取时却视为存在。"}},
	{CodeFixedBeginNotFixTerm, Text{"fixed_begintimestamp only means something for cards whose validity starts at claiming (DATE_TYPE_FIX_TERM); WeChat refuses it on other cards.", "fixed_begintimestamp 只对领取后生效的卡券（DATE_TYPE_FIX_TERM）有意义；其他卡券会被微信拒绝。"}},
	{CodeUnknownField, Text{"WeChat ignores keys it does not know: a misspelt nonce_str or card_id is simply not there, and the signature computed with it no longer matches.", "微信忽略不认识的键：拼错的 nonce_str 或 card_id 等于没有，用它计算的签名就对不上了。"}},
	{CodeLegacyField, Text{"These fields belong to an older version of the API and no longer do what they did.", "这些字段属于旧版接口，已不再起原来的作用。"}},
	{CodeSecretInPayload, Text{"Everything in a mini program payload reaches the user's phone; a leaked ticket or token lets anyone issue cards or call APIs as you.", "小程序参数会全部到达用户手机；泄露的 ticket 或 token 让任何人都能以你的名义发卡或调用接口。"}},
	{CodeDuplicateCard, Text{"A code can be claimed once; the second copy in a batch fails.", "一个 code 只能领取一次；同一批中的第二份会失败。"}},
	{CodeUnknownCard, Text{"Without the card's definition, the rules about code, openid and validity cannot be applied to it.", "没有卡券定义，关于 code、openid 和有效期的规则无法应用。"}},
	{CodeCodeEncrypted, Text{"wx.openCard takes the plain code; the encrypted one addCard returned is not a code WeChat knows.", "wx.openCard 需要明文 code；addCard 返回的加密 code 不是微信认识的 code。"}},
	{CodeCodeMissing, Text{"wx.openCard opens a card by cardId and code; without the code it fails.", "wx.openCard 按 cardId 和 code 打开卡券；缺少 code 会失败。"}},
	{CodeURLNotActivate, Text{"The activation component only understands the parameters of the URL card/membercard/activate/geturl returns.", "开卡组件只认 card/membercard/activate/geturl 返回的链接中的参数。"}},
	{CodeURLParamMissing, Text{"The activation component needs all three of encrypt_card_id, outer_str and biz.", "开卡组件需要 encrypt_card_id、outer_str 和 biz 三个参数。"}},
	{CodeAppIDWrong, Text{"The member-card activation component is WeChat's own mini program wxeb490c6f9b154ef9; any other appId opens something else.", "会员卡开卡组件是微信官方小程序 wxeb490c6f9b154ef9；其他 appId 打开的是别的东西。"}},
	{CodeExtraFieldMissing, Text{"The component cannot find the card without encrypt_card_id, outer_str and biz; after activation, App.onShow needs activate_ticket, card_id and code for the next step.", "缺少 encrypt_card_id、outer_str 和 biz，组件找不到卡券；激活后 App.onShow 需要 activate_ticket、card_id 和 code 进行下一步。"}},
	{CodeExtraNotDecoded, Text{"The documentation says to urldecode the parameters before passing them; %2F and %3D left in make the component reject them.", "文档要求传入前先 urldecode；残留的 %2F、%3D 会让组件拒绝这些参数。"}},
	{CodeExtraOverDecoded, Text{"The values are base64, which uses +; a form decoder turns + into a space and the value no longer decodes.", "这些值是 base64，含有 +；表单解码器把 + 变成空格，值就无法再解码。"}},
	{CodeExtraFragment, Text{"#wechat_redirect is the URL's fragment, not part of the last parameter; left in, the value is wrong.", "#wechat_redirect 是 URL 的片段，不属于最后一个参数；留在值里，值就错了。"}},
	{CodeNavigateDeprecated, Text{"WeChat is retiring wx.navigateToMiniProgram in favour of the navigator component; calls may stop working in new base library versions.", "微信正以 navigator 组件取代 wx.navigateToMiniProgram；新版本基础库中调用可能失效。"}},
	{CodeAddCardCancel, Text{"The user closed the card sheet; nothing went wrong.", "用户关闭了领卡页面；没有出错。"}},
	{CodeAddCardFail, Text{"WeChat refused the request; its detail names the row of the troubleshooting table to look at.", "微信拒绝了请求；其详情对应排查表中的一行。"}},
	{CodeCardNotAdded, Text{"In a batch some cards can fail while others succeed; the user should know which.", "批量领取时可能部分成功部分失败；应让用户知道是哪张。"}},
	{CodeTimestampNotInteger, Text{"WeChat signs and compares the timestamp as text: 1700000000.5 is not the 1700000000 the server signed, and the result is 签名错误.", "微信按文本签名和比较 timestamp：1700000000.5 不是服务端签名用的 1700000000，结果就是“签名错误”。"}},
	{CodeLintFileInvalid, Text{"A payload file you point lint at that is broken would otherwise pass as \"no card payload\", and the build go on with it.", "否则你让 lint 检查的损坏文件会被当作“没有卡券参数”放过，构建照常继续。"}},
	{CodeDiagnosticsTruncated, Text{"Listing every finding of a huge document would cost unbounded memory and output; a thousand is more than anyone reads.", "列出巨型文档的全部问题会耗费无界的内存和输出；一千条已超过任何人会读的量。"}},
	{CodeActivateTicketReused, Text{"Android can hand a later App.onShow the same stale referrerInfo again; a ticket sent twice to activatetempinfo/get fails the second time, or activates twice.", "Android 可能在之后的 App.onShow 中再次给出同一个过期的 referrerInfo；同一票据第二次提交 activatetempinfo/get 会失败，或重复激活。"}},
	{CodeStockIDFormat, Text{"WeChat Pay looks the coupon up by its stock_id; a card_id, a name or a number with spaces finds no stock and the coupon is not issued.", "微信支付按批次号查找商家券；填成卡券 ID、名称或带空格的数字都找不到批次，券发不出去。"}},
	{CodeCouponFieldMissing, Text{"WeChat Pay issues a merchant coupon only for a request number it has not seen, from the merchant that signed the batch; without them the whole batch is refused.", "微信支付只为未用过的请求单号、由签名该批次的商户发券；缺少它们整批都会被拒绝。"}},
	{CodeOutRequestNoFormat, Text{"WeChat Pay refuses request numbers longer than 128 characters or with other characters, and the batch's sign then covers a value it never accepts.", "微信支付拒绝超过 128 个字符或含其他字符的单号，本批的 sign 签的也就是一个永远不被接受的值。"}},
	{CodeOutRequestNoReused, Text{"WeChat Pay treats a repeated out_request_no as the same request: the second coupon is not issued.", "微信支付把重复的 out_request_no 视为同一个请求：第二张券不会发出。"}},
	{CodeCouponSignFormat, Text{"WeChat Pay checks sign as an HMAC-SHA256 made with the API v2 key; an MD5, a SHA-1 or a placeholder can never match and the batch fails as 签名错误.", "微信支付按 API v2 密钥的 HMAC-SHA256 校验 sign；MD5、SHA-1 或占位符永远对不上，整批报“签名错误”。"}},
	{CodeSendTimeFormat, Text{"customize_send_time is signed as text and read as an RFC 3339 time; a date, a unix time or a time without an offset is refused or read in the wrong time zone.", "customize_send_time 以文本参与签名，并按 RFC 3339 时间读取；只写日期、写 unix 时间或不带时区偏移，都会被拒绝或按错误的时区理解。"}},
	{CodeBizFormat, Text{"The activation component looks the official account up by biz; a biz with padding added or cut is another account or none, and the form fails to open.", "开卡组件按 biz 查找公众号；补了或去掉填充的 biz 指向别的公众号或不存在，开卡页面打不开。"}},
	{CodeReferrerFieldMissing, Text{"Without activate_ticket, card_id and code the server cannot call activatetempinfo/get and activate; Android can also hand back a partial or stale referrerInfo.", "没有 activate_ticket、card_id 和 code，服务端无法调用 activatetempinfo/get 完成激活；Android 也可能回传不完整或过期的 referrerInfo。"}},
}

func whyOf(code string) Text {
	for _, w := range why {
		if w.code == code {
			return w.text
		}
	}
	return Text{}
}
