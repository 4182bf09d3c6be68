const addCardOptions = require('../../cardpayloads/addcard.json')

Page({
  claim() {
    wx.addCard(addCardOptions)
  }
})
