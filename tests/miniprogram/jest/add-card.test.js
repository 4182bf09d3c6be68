// Jest's default CommonJS setup with miniprogram-simulate, as a mini program
// project's unit tests run: require('wxcard') gives the package's CommonJS
// build, which initialises from its own wasm; the sample's add-card
// component then builds a string cardExt for wx.addCard.
const path = require('path')
const simulate = require('miniprogram-simulate')
const wxcard = require('wxcard')

const CARD_ID = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc'
const SIGNATURE = 'f137ab68b7f8112d20ee528ab6074564e2796250'

let id
beforeAll(() => {
  // simulate.load installs its wx stub (global.wx): spy on wx only after it.
  id = simulate.load(path.join(__dirname, '..', 'components', 'add-card', 'index'))
  return wxcard.init()
})

function renderAddCard(cardExt) {
  const comp = simulate.render(id, { cardId: CARD_ID, cardExt })
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

test('the component hands wx.addCard a cardExt string that the core built', async () => {
  const now = Math.floor(Date.now() / 1000)
  const comp = renderAddCard({ timestamp: now, nonce_str: 'kM3fT8qZ2b', signature: SIGNATURE })
  const addCard = jest.spyOn(wx, 'addCard')
  const added = new Promise((resolve) => comp.addEventListener('added', (e) => resolve(e.detail)))
  comp.querySelector('.claim').dispatchEvent('tap')
  await simulate.sleep(0) // j-component delivers events asynchronously
  expect(addCard).toHaveBeenCalledTimes(1)
  const { cardList } = addCard.mock.calls[0][0]
  expect(cardList).toEqual([
    { cardId: CARD_ID, cardExt: `{"timestamp":${now},"nonce_str":"kM3fT8qZ2b","signature":"${SIGNATURE}"}` }
  ])
  await expect(added).resolves.toMatchObject({ errMsg: 'addCard:ok' })
  addCard.mockRestore()
})

test('a millisecond timestamp never reaches wx.addCard', async () => {
  const comp = renderAddCard({ timestamp: Date.now(), signature: SIGNATURE })
  const addCard = jest.spyOn(wx, 'addCard')
  let diagnostics = null
  comp.addEventListener('invalid', (e) => { diagnostics = e.detail.diagnostics })
  comp.querySelector('.claim').dispatchEvent('tap')
  await simulate.sleep(0)
  expect(addCard).not.toHaveBeenCalled()
  expect(diagnostics.map((d) => d.code)).toContain('timestamp-milliseconds')
  addCard.mockRestore()
})

test('the CommonJS build is what Jest loaded', () => {
  expect(require.resolve('wxcard')).toMatch(/node_modules[\\/]wxcard[\\/]index\.cjs$/)
  expect(wxcard.isInitialized()).toBe(true)
})
