// A large, real-looking mini program for wxcard/eslint (eslint.test.js and
// bench/eslint.mjs): pages and components (Page({...}), Component({...}))
// that fetch with wx.request, setData, navigate, format, and now and then
// hand a card to wx.addCard or open one with wx.openCard, the way the server
// gave them. A few files hold one planted card mistake each; the plugin must
// find exactly those. Deterministic: the same files for the same count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';

const CARD = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc';
const NONCE = 'k3J8s9Qm2LxP0aZ1';
const SIG = 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c8e6b2a10';

/** The baseline: ESLint with a few of its own rules, as a mini program project configures it. */
export const CORE_RULES = {
  'no-unused-vars': 'error',
  'no-undef': 'error',
  eqeqeq: 'error',
  'no-dupe-keys': 'error',
  'no-unreachable': 'error',
  'no-redeclare': 'error',
  'no-self-assign': 'error',
  'no-constant-condition': 'error',
};

export const MINIPROGRAM_GLOBALS = Object.fromEntries(
  ['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'WXWebAssembly', 'console', 'setTimeout', 'clearTimeout'].map((g) => [g, 'readonly']),
);

/** Flat config for the project: the core rules, and with `plugin` its recommended config too. */
export function projectConfig(plugin) {
  const base = {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: MINIPROGRAM_GLOBALS },
    rules: CORE_RULES,
  };
  return plugin ? [base, plugin.configs.recommended] : [base];
}

// The planted mistakes, by kind: what the file does wrong, and the rule that
// must report it (once per file).
const MISTAKES = {
  cardExtObject: 'wxcard/cardext-string',
  millis: 'wxcard/timestamp-seconds',
  encryptedOpen: 'wxcard/opencard-decrypted',
  secret: 'wxcard/no-client-secret',
  longNonce: 'wxcard/payload',
};

const words = ['order', 'coupon', 'member', 'store', 'goods', 'cart', 'profile', 'activity', 'address', 'invoice', 'points', 'gift'];
const pick = (i, xs) => xs[i % xs.length];

function header(name, i) {
  return `// ${name}: generated page ${i} of the wxcard/eslint test project.
const { request, formatPrice, formatDate } = require('../../utils/util')
const app = getApp()
`;
}

// The card flow of a page: the server signs, the page adds, the server
// decrypts, the page opens. `mistake` bends one step of it.
function cardFlow(i, mistake) {
  const ext =
    mistake === 'cardExtObject'
      ? 'cardExt: { timestamp: sig.timestamp, nonce_str: sig.nonce_str, signature: sig.signature }'
      : mistake === 'millis'
        ? 'cardExt: JSON.stringify({ timestamp: Date.now(), nonce_str: sig.nonce_str, signature: sig.signature })'
        : 'cardExt: JSON.stringify({ timestamp: sig.timestamp, nonce_str: sig.nonce_str, signature: sig.signature })';
  const open =
    mistake === 'encryptedOpen'
      ? `        wx.openCard({ cardList: res.cardList })`
      : `        request('/api/card/decrypt', { codes: res.cardList.map((c) => c.code) }).then((plain) => {
          wx.openCard({ cardList: plain.cards.map((c) => ({ cardId: c.cardId, code: c.code })) })
        })`;
  const fixed =
    mistake === 'longNonce'
      ? `'{"timestamp":1404896688,"nonce_str":"${NONCE}${NONCE}${NONCE}","signature":"${SIG}"}'`
      : `JSON.stringify({ timestamp: 1404896688, nonce_str: '${NONCE}', signature: '${SIG}' })`;
  return `
  claimCard(e) {
    const cardId = e.currentTarget.dataset.cardId
    request('/api/card/sign', { cardId, scene: ${i} }).then((sig) => {
      wx.addCard({
        cardList: [{ cardId, ${ext} }],
        success: (res) => {
          this.setData({ claimed: true })
  ${open}
        },
        fail: (err) => {
          if (err.errMsg === 'addCard:fail cancel') return
          wx.showToast({ title: '领取失败', icon: 'none' })
        }
      })
    })
  },
  claimWelcomeCard() {
    wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ${fixed} }] })
  },`;
}

const hasCardFlow = (i, mistake) => !!mistake || i % 25 === 0;

function page(i, mistake) {
  const w = pick(i, words);
  const secret = mistake === 'secret' ? `\nconst APP_SECRET = 'b7d0f1e2c3a4958677${String(i).padStart(6, '0')}'\n` : '';
  const card = hasCardFlow(i, mistake) ? cardFlow(i, mistake) : '';
  return `${header(`pages/${w}/${w}${i}`, i)}${secret}
Page({
  data: {
    loading: true,
    list: [],
    page: 1,
    total: 0,
    keyword: '',
    claimed: false
  },
  onLoad(options) {
    this.setData({ keyword: options.keyword || '' })${mistake === 'secret' ? "\n    wx.setStorageSync('secret', APP_SECRET)" : ''}
    this.fetch()
  },
  onPullDownRefresh() {
    this.setData({ page: 1, list: [] })
    this.fetch().then(() => wx.stopPullDownRefresh())
  },
  onReachBottom() {
    if (this.data.list.length >= this.data.total) return
    this.setData({ page: this.data.page + 1 })
    this.fetch()
  },
  fetch() {
    this.setData({ loading: true })
    return request('/api/${w}/list', { page: this.data.page, keyword: this.data.keyword, size: ${10 + (i % 5) * 5} })
      .then((res) => {
        const items = res.items.map((item) => ({
          id: item.id,
          title: item.title,
          price: formatPrice(item.price),
          date: formatDate(item.createdAt),
          tag: item.stock === 0 ? '售罄' : item.tag
        }))
        this.setData({ list: this.data.list.concat(items), total: res.total, loading: false })
      })
      .catch(() => {
        this.setData({ loading: false })
        wx.showToast({ title: '加载失败', icon: 'none' })
      })
  },
  onSearch(e) {
    const keyword = e.detail.value.trim()
    if (keyword === this.data.keyword) return
    this.setData({ keyword, page: 1, list: [] })
    this.fetch()
  },
  onTap(e) {
    const { id } = e.currentTarget.dataset
    wx.navigateTo({ url: '/pages/${w}/detail?id=' + id + '&from=' + app.globalData.scene })
  },${card}
  onShareAppMessage() {
    return { title: '${w} ${i}', path: '/pages/${w}/${w}${i}' }
  }
})
`;
}

function component(i, mistake) {
  const w = pick(i + 3, words);
  const secret = mistake === 'secret' ? `,\n      session_key: 'tiihtNczf5v6AKRyjwEUhQ=='` : '';
  return `// components/${w}-item${i}: generated component ${i} of the wxcard/eslint test project.
const { formatPrice } = require('../../utils/util')

Component({
  options: { multipleSlots: true },
  properties: {
    item: { type: Object, value: {} },
    mode: { type: String, value: 'list' },
    selected: Boolean
  },
  data: {
    price: '',
    expanded: false
  },
  observers: {
    'item.price': function (price) {
      this.setData({ price: formatPrice(price) })
    }
  },
  lifetimes: {
    attached() {
      this.setData({ expanded: this.properties.mode === 'detail' })
    }
  },
  methods: {
    toggle() {
      this.setData({ expanded: !this.data.expanded })
      this.triggerEvent('toggle', { id: this.properties.item.id, expanded: !this.data.expanded })
    },
    report() {
      wx.request({
        url: 'https://example.com/api/${w}/report',
        method: 'POST',
        data: { id: this.properties.item.id, at: Date.now()${secret} },
        success: (res) => {
          if (res.statusCode !== 200) wx.showToast({ title: '上报失败', icon: 'none' })
        }
      })
    }
  }
})
`;
}

const UTIL = `// utils/util: the request wrapper and formatters the pages share.
const BASE = 'https://example.com'

function request(path, data) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: BASE + path,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json' },
      success: (res) => (res.statusCode === 200 ? resolve(res.data) : reject(res)),
      fail: reject
    })
  })
}

function formatPrice(cents) {
  return (cents / 100).toFixed(2)
}

function formatDate(ms) {
  const d = new Date(ms)
  const pad = (n) => String(n).padStart(2, '0')
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate())
}

module.exports = { request, formatPrice, formatDate }
`;

/**
 * Writes `count` files (util, pages, components) under dir. Returns the
 * relative paths, those of the pages with a card flow (in writing order),
 * and the planted mistakes: [{ file, ruleId }], one per file that holds one.
 */
export function writeProject(dir, count = 2000) {
  const files = [];
  const cards = [];
  const planted = [];
  const put = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
    files.push(rel);
  };
  put('utils/util.js', UTIL);
  const kinds = Object.keys(MISTAKES);
  for (let i = 1; files.length < count; i++) {
    // Every 97th file holds a mistake, the kinds in turn (components only
    // get the secret kind: they hold no card flow).
    const isPage = i % 3 !== 0;
    let mistake = null;
    if (i % 97 === 0) {
      mistake = kinds[(i / 97) % kinds.length];
      if (!isPage) mistake = 'secret';
    }
    const rel = isPage ? `pages/${pick(i, words)}/${pick(i, words)}${i}.js` : `components/${pick(i + 3, words)}-item${i}/index.js`;
    put(rel, isPage ? page(i, mistake) : component(i, mistake));
    if (isPage && hasCardFlow(i, mistake)) cards.push(rel);
    if (mistake) planted.push({ file: rel, ruleId: MISTAKES[mistake] });
  }
  return { files, cards, planted };
}
