// In a real app the server signs cardExt (wxcard sign) and makes the
// activation URL (card/membercard/activate/geturl); the page fetches both.
// Here they are fixtures, as in cardpayloads/.
Page({
  data: {
    cardExt: {
      code: '1434008071',
      timestamp: 1404896688,
      nonce_str: 'kM3fT8qZ2b',
      signature: 'f137ab68b7f8112d20ee528ab6074564e2796250'
    },
    activation: {
      encrypt_card_id: 'V3V7t+n8',
      outer_str: 'channel1',
      biz: 'MzI0MDAxNTU3MQ=='
    }
  },
  activate() {
    wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: this.data.activation })
  }
})
