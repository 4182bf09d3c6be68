// 领取 and 查看: the server signed cardExt (an object here); wx.addCard wants
// it as a JSON string. After adding, the card is opened with the code the
// server decrypted (card/code/decrypt) from the encrypted one addCard gave.
Component({
  properties: {
    cardId: String,
    cardExt: Object
  },
  data: {
    status: ''
  },
  methods: {
    claim() {
      wx.addCard({
        cardList: [{ cardId: this.data.cardId, cardExt: JSON.stringify(this.data.cardExt) }],
        success: (res) => {
          this.setData({ status: 'added' })
          this.triggerEvent('added', res)
        },
        fail: (err) => {
          this.setData({ status: 'failed' })
          this.triggerEvent('failed', err)
        }
      })
    },
    // decryptedCode comes from the server, never straight from addCard's result.
    open(decryptedCode) {
      wx.openCard({
        cardList: [{ cardId: this.data.cardId, code: decryptedCode }],
        success: () => this.triggerEvent('opened'),
        fail: (err) => this.triggerEvent('failed', err)
      })
    }
  }
})
