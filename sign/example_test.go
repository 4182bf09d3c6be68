package sign_test

import (
	"fmt"
	"os"

	"github.com/wxcard/wxcard/sign"
)

// A batch of one merchant coupon, signed as WeChat Pay's 小程序发券插件
// documents: the string signed is
// out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=<the key>.
func ExampleSignCoupons() {
	// In a service: sign.MerchantKeyFromEnv(nil, sign.EnvMerchantKey), or
	// sign.MerchantKeyFromFile. The key never prints.
	key, err := sign.NewMerchantKey("Wx7kP2qR9sT4uV6wY8zA1bC3dE5fG7hJ")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	coupons := []sign.Coupon{{StockID: "1234567", OutRequestNo: "abc123"}}
	fmt.Println(sign.SignCoupons(key, "10016226", coupons))
	fmt.Println(key)
	// Output:
	// 5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090
	// [redacted merchant key]
}

// BuildCoupons checks the batch and writes wx.addCard's cardList.
func ExampleBuildCoupons() {
	key, _ := sign.NewMerchantKey("Wx7kP2qR9sT4uV6wY8zA1bC3dE5fG7hJ")
	opts, err := sign.BuildCoupons(key, "10016226", []sign.Coupon{
		{StockID: "1234567", OutRequestNo: "abc123"},
		{StockID: "2345678", OutRequestNo: "123abc", CustomizeSendTime: "2021-06-01T12:00:00+08:00"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range opts.CardList {
		fmt.Println(it.CardID, it.CardExt)
	}
	// Output:
	// 1234567 {"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"BF6D1541486BF0CD61FD5F64FF9C6747CB773307F734C2B64589DBDEC1205FC5"}
	// 2345678 {"out_request_no":"123abc","customize_send_time":"2021-06-01T12:00:00+08:00"}
}
