package card

// What WeChat answers, per rule: the detail of addCard:fail that WeChat's own
// texts document for the mistake the rule catches. Only rules whose mistake
// a WeChat text maps to a detail are here; the test mock answers
// "wxcard <code>" for the others, so nobody takes that for WeChat's words.
// Like why, static data read only by docs and hosts.

// The official troubleshooting post, "卡券签名错误排查方法" (官方), with its
// table "Addcard接口常见错误以及原因".
const (
	sourceTroubleshooting    = "卡券签名错误排查方法 (WeChat Open Community, official)"
	sourceTroubleshootingURL = "https://developers.weixin.qq.com/community/develop/doc/000404202081a0b0f15b90f6f5f409"
)

var wechatDetails = [...]struct {
	code   string
	detail string
}{
	// 签名错误: "签名算法错误" (a missing or malformed signature cannot be
	// right) and "cardext参数格式错误: cardext本身是一个字符串不是object对象,
	// 若格式错误iOS系统会提示签名错误".
	{CodeSignatureMissing, "签名错误"},
	{CodeSignatureFormat, "签名错误"},
	{CodeCardExtNotString, "签名错误"},
	// 已领完: "addcard接口内cardext参数内nonce_Str和timestamp值重复".
	{CodeNonceReused, "已领完"},
	// 参数错误: "cardext参数与card_id属性不对齐" (custom code, bind_openid)
	// and "code超长或格式错误" (over 20 characters).
	{CodeCodeRequired, "参数错误"},
	{CodeCodeNotAllowed, "参数错误"},
	{CodeOpenIDRequired, "参数错误"},
	{CodeOpenIDNotAllowed, "参数错误"},
	{CodeCodeTooLong, "参数错误"},
}

func wechatOf(code string) *WeChatDetail {
	for _, w := range wechatDetails {
		if w.code == code {
			return &WeChatDetail{Detail: w.detail, Source: sourceTroubleshooting, URL: sourceTroubleshootingURL}
		}
	}
	return nil
}
