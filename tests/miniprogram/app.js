// The core is loaded once, at launch, through WXWebAssembly (base library
// 2.14.0 or later reads the .wasm.br that 构建 npm put in miniprogram_npm/).
// In the devtools and in develop/trial builds the guard then checks every
// wx.addCard, wx.openCard and activation launch before WeChat sees it, and
// block stops the ones WeChat would refuse; a release build is left alone.
const { init, guard } = require('wxcard')

App({
  onLaunch() {
    this.wxcardReady = init({ instantiate: WXWebAssembly.instantiate }).then(() => {
      this.cardGuard = guard(wx, { block: true })
    })
  },
  onShow(options) {
    // Back from the activation component: was the member card activated?
    this.wxcardReady.then(() => {
      const out = this.cardGuard.checkReferrer(options)
      this.activation = out && out.result
    })
  }
})
