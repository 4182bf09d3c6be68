// The sample's 领取 component under Jest + miniprogram-simulate, with
// wxcard's test mock in place of WeChat: the mock fails a component that
// passes cardExt as an object the way WeChat does (签名错误), the dev guard
// stops that call before it reaches WeChat at all, and the sample's own
// component (JSON.stringify) passes, then opens the card.
const path = require('path')
const simulate = require('miniprogram-simulate')
const { init, guard } = require('wxcard')
const { mockCardApis } = require('wxcard/testing')

const CARD_ID = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc'
const signedExt = () => ({
  timestamp: Math.floor(Date.now() / 1000),
  nonce_str: 'kM3fT8qZ2b',
  signature: 'f137ab68b7f8112d20ee528ab6074564e2796250'
})

let fixedId
let buggyId
beforeAll(async () => {
  await init()
  fixedId = simulate.load(path.join(__dirname, '..', 'components', 'claim-card', 'index'))
  // The same component as it is often first written: cardExt passed on as an object.
  buggyId = simulate.load({
    template: '<button class="claim" bindtap="claim">领取</button>',
    properties: { cardId: String, cardExt: Object },
    methods: {
      claim() {
        wx.addCard({
          cardList: [{ cardId: this.data.cardId, cardExt: this.data.cardExt }],
          success: (res) => this.triggerEvent('added', res),
          fail: (err) => this.triggerEvent('failed', err)
        })
      }
    }
  })
})

let mock = null
let handle = null
afterEach(() => {
  if (handle) handle.unguard()
  if (mock) mock.restore()
  handle = null
  mock = null
})

// Taps 领取 and resolves with the event the component answered with.
function claim(id) {
  const comp = simulate.render(id, { cardId: CARD_ID, cardExt: signedExt() })
  comp.attach(document.createElement('parent-wrapper'))
  const answered = new Promise((resolve) => {
    comp.addEventListener('added', (e) => resolve({ added: e.detail }))
    comp.addEventListener('failed', (e) => resolve({ failed: e.detail }))
  })
  comp.querySelector('.claim').dispatchEvent('tap')
  return answered.then((r) => Object.assign(r, { comp }))
}

test('the mock fails cardExt passed as an object, as WeChat does: 签名错误', async () => {
  mock = mockCardApis(wx)
  const r = await claim(buggyId)
  expect(r.failed).toEqual({ errMsg: 'addCard:fail 签名错误' })
  expect(mock.calls).toHaveLength(1)
  expect(mock.calls[0].diagnostics.map((d) => d.code)).toContain('cardext-not-string')
})

test('the guard with block stops that call before it reaches WeChat', async () => {
  mock = mockCardApis(wx)
  const reports = []
  handle = guard(wx, { block: true, force: true, onReport: (rep) => reports.push(rep) })
  const r = await claim(buggyId)
  expect(r.failed.errMsg).toMatch(/^addCard:fail wxcard cardext-not-string: /)
  expect(mock.calls).toHaveLength(0)
  expect(reports).toHaveLength(1)
  expect(reports[0]).toMatchObject({ api: 'addCard', ok: false, blocked: true })
})

test('the fixed component passes the mock and the guard; the card opens with the decrypted code only', async () => {
  mock = mockCardApis(wx)
  handle = guard(wx, { block: true, force: true, onReport: () => {} })
  const r = await claim(fixedId)
  expect(r.added.errMsg).toBe('addCard:ok')
  const [card] = r.added.cardList
  expect(card.code).toMatch(/^[A-Za-z0-9+/]{43}=$/)
  expect(r.comp.data.status).toBe('added')

  // addCard's code is encrypted: opening with it fails, as it would with WeChat.
  const opened = (code) => new Promise((resolve) => {
    r.comp.addEventListener('opened', () => resolve('opened'))
    r.comp.addEventListener('failed', (e) => resolve(e.detail.errMsg))
    r.comp.instance.open(code)
  })
  await expect(opened(card.code)).resolves.toMatch(/^openCard:fail wxcard code-encrypted/)
  await expect(opened('1434008071')).resolves.toBe('opened')
  expect(mock.calls.map((c) => c.api)).toEqual(['addCard', 'openCard'])
})
