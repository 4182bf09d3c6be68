// The core is loaded once, at launch, through WXWebAssembly (base library
// 2.14.0 or later reads the .wasm.br that 构建 npm put in miniprogram_npm/).
const { init } = require('wxcard')

App({
  onLaunch() {
    this.wxcardReady = init({ instantiate: WXWebAssembly.instantiate })
  },
  onShow(options) {
    // parseReferrerInfo tells whether the member card was activated.
  }
})
