App({
  onShow(options) {
    // parseReferrerInfo tells whether the member card was activated.
  }
})
