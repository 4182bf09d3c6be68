// A 领取 button: takes the card and the signed cardExt object the server
// made, checks them with the core and hands the built options to wx.addCard.
const { buildAddCard } = require('wxcard')
const ms = require('ms')

Component({
  properties: {
    cardId: String,
    cardExt: Object
  },
  methods: {
    claim() {
      const out = buildAddCard(
        { cardList: [{ cardId: this.data.cardId, cardExt: this.data.cardExt }] },
        { now: Math.floor(Date.now() / 1000), maxSkewSeconds: ms('2h') / 1000 }
      )
      if (!out.ok) {
        this.triggerEvent('invalid', { diagnostics: out.diagnostics })
        return
      }
      wx.addCard(Object.assign({}, out.result, {
        success: (res) => this.triggerEvent('added', res),
        fail: (err) => this.triggerEvent('failed', err)
      }))
    }
  }
})
