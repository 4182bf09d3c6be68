// The dev guard on a stand-in wx: every API path (callback and Promise,
// success and fail, block on and off), development and release builds,
// force, unguard, a throwing onReport, calls before init, the activation
// component's appId only, checkReferrer's activate-ticket-reused.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createWxcard, init, guard, validateCardList } from '../index.js';
import { WASM_PATH } from './helpers.js';

const CARD = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc';
const NOW = 1700000000;
const SIG = 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c8e6b2a10';
const goodList = () => [{ cardId: CARD, cardExt: JSON.stringify({ timestamp: NOW, nonce_str: 'k3J8s9Qm2LxP0aZ1', signature: SIG }) }];
const objectList = () => [{ cardId: CARD, cardExt: { timestamp: NOW, nonce_str: 'k3J8s9Qm2LxP0aZ1', signature: SIG } }];
const LAUNCH = { appId: 'wxeb490c6f9b154ef9', extraData: { encrypt_card_id: 'V3V7t+n8', outer_str: 'channel1', biz: 'MzI0MDAxNTU3MQ==' } };

// A stand-in for wx: records what reached "WeChat" and answers ok.
function fakeWx(env = { platform: 'devtools', envVersion: 'develop', language: 'en' }) {
  const sent = [];
  const api = (name) =>
    function (o) {
      sent.push({ api: name, args: [...arguments], self: this });
      const res = { errMsg: `${name}:ok` };
      if (o && (o.success || o.fail || o.complete)) {
        if (o.success) o.success(res);
        if (o.complete) o.complete(res);
        return undefined;
      }
      return Promise.resolve(res);
    };
  const wx = {
    addCard: api('addCard'),
    openCard: api('openCard'),
    navigateToMiniProgram: api('navigateToMiniProgram'),
    getSystemInfoSync: () => ({ platform: env.platform, language: env.language }),
    getAccountInfoSync: () => ({ miniProgram: { envVersion: env.envVersion } }),
  };
  return { wx, sent, originals: { addCard: wx.addCard, openCard: wx.openCard, navigateToMiniProgram: wx.navigateToMiniProgram } };
}

test.before(() => init(WASM_PATH));

test('a valid call reaches WeChat unchanged, callback and Promise styles, and nothing is reported', async () => {
  const { wx, sent } = fakeWx();
  const reports = [];
  const g = guard(wx, { now: NOW, onReport: (r) => reports.push(r) });
  assert.equal(g.active, true);
  const opts = { cardList: goodList(), success() {}, complete() {} };
  let got = null;
  opts.success = (res) => {
    got = res;
  };
  assert.equal(wx.addCard(opts), undefined);
  assert.equal(sent[0].args[0], opts, 'the same options object reaches WeChat');
  assert.equal(sent[0].self, wx, 'called on wx');
  assert.deepEqual(got, { errMsg: 'addCard:ok' });
  const res = await wx.addCard({ cardList: goodList() });
  assert.deepEqual(res, { errMsg: 'addCard:ok' }, 'the Promise result passes through');
  await wx.openCard({ cardList: [{ cardId: CARD, code: '1234567890' }] });
  await wx.navigateToMiniProgram(LAUNCH);
  assert.equal(sent.length, 4);
  // navigateToMiniProgram is being retired: that info is reported, the rest is clean.
  assert.deepEqual(reports.map((r) => [r.api, r.diagnostics.map((d) => d.code)]), [['navigateToMiniProgram', ['navigate-deprecated']]]);
  g.unguard();
});

test('an invalid call is reported and, without block, still sent', async () => {
  const { wx, sent } = fakeWx();
  const reports = [];
  const g = guard(wx, { now: NOW, onReport: (r) => reports.push(r) });
  await wx.addCard({ cardList: objectList() });
  assert.equal(sent.length, 1, 'sent: block is off');
  assert.equal(reports.length, 1);
  const [r] = reports;
  assert.equal(r.api, 'addCard');
  assert.equal(r.ok, false);
  assert.equal(r.blocked, false);
  assert.deepEqual(r.payload, { cardList: objectList() });
  assert.ok(r.diagnostics.some((d) => d.code === 'cardext-not-string' && d.path === '/cardList/0/cardExt'));
  g.unguard();
});

test('block: an erroneous call is not sent; fail and complete get the errMsg, a Promise rejects with it', async () => {
  const { wx, sent } = fakeWx();
  const g = guard(wx, { now: NOW, block: true, onReport: () => {} });
  const seen = [];
  const r = wx.addCard({ cardList: objectList(), success: () => seen.push('success'), fail: (e) => seen.push(['fail', e]), complete: (e) => seen.push(['complete', e]) });
  assert.equal(r, undefined);
  const errMsg = seen[0][1].errMsg;
  assert.match(errMsg, /^addCard:fail wxcard cardext-not-string: /);
  assert.deepEqual(seen, [['fail', { errMsg }], ['complete', { errMsg }]]);
  await assert.rejects(wx.openCard({ cardList: [{ cardId: CARD }] }), (e) => /^openCard:fail wxcard code-missing: /.test(e.errMsg));
  await assert.rejects(wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: {} }), (e) => /^navigateToMiniProgram:fail wxcard extra-field-missing/.test(e.errMsg));
  assert.equal(sent.length, 0, 'WeChat saw none of them');
  // A valid call still goes through with block on.
  await wx.addCard({ cardList: goodList() });
  assert.equal(sent.length, 1);
  g.unguard();
});

test('navigateToMiniProgram to another app is not checked', async () => {
  const { wx, sent } = fakeWx();
  const reports = [];
  const g = guard(wx, { block: true, onReport: (r) => reports.push(r) });
  await wx.navigateToMiniProgram({ appId: 'wx1234567890abcdef', extraData: { anything: 1 } });
  assert.equal(sent.length, 1);
  assert.deepEqual(reports, []);
  g.unguard();
});

test('release builds are left alone unless force; unguard restores the originals', async () => {
  const release = fakeWx({ platform: 'ios', envVersion: 'release', language: 'zh_CN' });
  const g = guard(release.wx, { block: true });
  assert.equal(g.active, false);
  for (const api of ['addCard', 'openCard', 'navigateToMiniProgram']) assert.equal(release.wx[api], release.originals[api], `${api} not wrapped`);
  assert.equal(g.locale, 'zh-CN', 'the locale follows the system language');
  // checkReferrer still answers, reporting nothing.
  assert.equal(g.checkReferrer({ referrerInfo: {} }).result.state, 'none');

  const forced = fakeWx({ platform: 'android', envVersion: 'release', language: 'en' });
  const reports = [];
  const f = guard(forced.wx, { force: true, block: true, onReport: (r) => reports.push(r) });
  assert.equal(f.active, true);
  await assert.rejects(forced.wx.addCard({ cardList: objectList() }));
  assert.equal(reports.length, 1);
  f.unguard();
  for (const api of ['addCard', 'openCard', 'navigateToMiniProgram']) assert.equal(forced.wx[api], forced.originals[api], `${api} restored`);

  for (const envVersion of ['develop', 'trial']) {
    const dev = fakeWx({ platform: 'ios', envVersion, language: 'en' });
    const d = guard(dev.wx, {});
    assert.equal(d.active, true, envVersion);
    d.unguard();
  }
});

test('a throwing onReport does not break the call; the default report is one console message', async (t) => {
  const { wx, sent } = fakeWx();
  const errors = [];
  t.mock.method(console, 'error', (...a) => errors.push(a.map(String).join(' ')));
  const g = guard(wx, { now: NOW, onReport: () => { throw new Error('boom'); } });
  await wx.addCard({ cardList: objectList() });
  assert.equal(sent.length, 1, 'the call went on');
  assert.match(errors[0], /onReport threw: Error: boom/);
  g.unguard();

  errors.length = 0;
  const h = guard(wx, { now: NOW, locale: 'zh-CN' });
  await wx.addCard({ cardList: objectList() });
  assert.equal(errors.length, 1, 'one console.error per call');
  assert.match(errors[0], /^\[wxcard\] wx\.addCard: \d+ problems?\n  \/cardList\/0\/cardExt  error cardext-not-string: /);
  assert.match(errors[0], /JSON/, 'in Chinese, the message still names JSON.stringify');
  h.unguard();
});

test('calls before init() finished pass through unchecked, with one warning', async (t) => {
  const engine = createWxcard();
  const { wx, sent } = fakeWx();
  const warnings = [];
  t.mock.method(console, 'warn', (...a) => warnings.push(a.join(' ')));
  const g = engine.guard(wx, { block: true, onReport: () => assert.fail('nothing to report before init') });
  await wx.addCard({ cardList: objectList() });
  await wx.addCard({ cardList: objectList() });
  assert.equal(sent.length, 2, 'passed through');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /not checked: await init\(\)/);
  await engine.init(WASM_PATH);
  await assert.rejects(wx.addCard({ cardList: objectList() }), /./, 'checked (and blocked) once initialized');
  g.unguard();
});

test('checkReferrer: the activation result, and activate-ticket-reused when a ticket comes back', () => {
  const { wx } = fakeWx();
  const reports = [];
  const g = guard(wx, { onReport: (r) => reports.push(r) });
  const show = (ticket) => ({ path: 'pages/index/index', referrerInfo: { appId: 'wxeb490c6f9b154ef9', extraData: { activate_ticket: ticket, card_id: CARD, code: '1234' } } });
  const first = g.checkReferrer(show('fz79q6Nk'));
  assert.equal(first.result.state, 'activated');
  assert.deepEqual(first.diagnostics, []);
  assert.equal(g.checkReferrer(show('other')).diagnostics.length, 0);
  const again = g.checkReferrer(show('fz79q6Nk'));
  assert.deepEqual(again.diagnostics.map((d) => [d.code, d.severity, d.path]), [['activate-ticket-reused', 'warning', '/referrerInfo/extraData/activate_ticket']]);
  assert.equal(again.ok, true);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].api, 'onShow referrerInfo');
  // Another handle has its own memory.
  assert.deepEqual(guard(wx, {}).checkReferrer(show('fz79q6Nk')).diagnostics, []);
  g.unguard();
});

test('the guard checks with the options cards, locale and clock', async () => {
  const { wx } = fakeWx();
  const reports = [];
  const g = guard(wx, {
    locale: 'zh-CN',
    now: () => NOW + 86400,
    cards: { [CARD]: { use_custom_code: true, get_custom_code_mode: 'GET_CUSTOM_CODE_MODE_NONE', bind_openid: false, date_type: 'DATE_TYPE_FIX_TIME_RANGE' } },
    onReport: (r) => reports.push(r),
  });
  await wx.addCard({ cardList: goodList() });
  const codes = reports[0].diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['code-required', 'timestamp-skew']);
  const direct = validateCardList({ cardList: goodList() }, { locale: 'zh-CN' });
  assert.ok(direct.ok, 'the same payload is fine without the definitions and clock');
  assert.match(reports[0].diagnostics[0].message, /[\u4e00-\u9fff]/, 'messages in Chinese');
  g.unguard();
});

test('guard(wx) needs an object', () => {
  assert.throws(() => guard(null), TypeError);
});
