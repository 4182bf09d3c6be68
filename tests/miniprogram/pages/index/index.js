// In a real app the server signs cardExt (wxcard sign) and the page fetches
// it; here it is the fixture from cardpayloads/addcard.json.
Page({
  data: {
    cardExt: {
      code: '1434008071',
      timestamp: 1404896688,
      nonce_str: 'kM3fT8qZ2b',
      signature: 'f137ab68b7f8112d20ee528ab6074564e2796250'
    }
  }
})
