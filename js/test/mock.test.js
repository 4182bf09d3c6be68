// wxcard/testing: every validateCardList and buildOpenCard vector replayed
// as a wx call answers success exactly when the op's output is ok; the
// answers' shapes, the WeChat details of the catalogue, cancel, calls,
// restore, and the ES module and CommonJS faces sharing one engine.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { init, call } from '../index.js';
import { mockCardApis, failDetail, fakeEncryptedCode } from '../testing.js';
import { RULES } from '../rules.js';
import { JS_DIR, WASM_PATH, readVectors, requireBuilt } from './helpers.js';

const CARD = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc';
const SIG = 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c8e6b2a10';
const goodExt = (nonce) => JSON.stringify({ timestamp: 1700000000, nonce_str: nonce, signature: SIG });

test.before(() => init(WASM_PATH));

// Replays a vector's request as the wx call it stands for (its options as
// the mock's options, which the mock hands to the core). Callbacks are
// what the mock strips before checking, so the core sees the same payload.
function replay(wx, api, req) {
  return new Promise((resolve) => {
    const o = req.payload && typeof req.payload === 'object' && !Array.isArray(req.payload) ? { ...req.payload } : req.payload;
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      o.success = (res) => resolve({ ok: true, res });
      o.fail = (res) => resolve({ ok: false, res });
      wx[api](o);
    } else {
      // Not an options object (text, a number…): the Promise style.
      wx[api](o).then((res) => resolve({ ok: true, res }), (res) => resolve({ ok: false, res }));
    }
  });
}

for (const [op, api, least] of [['validateCardList', 'addCard', 60], ['buildOpenCard', 'openCard', 10]]) {
  test(`every ${op} vector, replayed as wx.${api}, succeeds exactly when the op is ok`, async (t) => {
    let n = 0;
    let oks = 0;
    for (const v of readVectors().filter((x) => x.op === op)) {
      let req;
      if (!Buffer.from(v.input.toString('utf8')).equals(v.input)) continue; // invalid UTF-8 is no JS string
      try {
        req = JSON.parse(v.input.toString('utf8'));
      } catch {
        continue; // not a request a wx call can stand for
      }
      if (req === null || typeof req !== 'object' || !('payload' in req) || Object.keys(req).some((k) => k !== 'payload' && k !== 'options')) continue;
      if (req.options !== undefined && (req.options === null || typeof req.options !== 'object' || Array.isArray(req.options))) continue;
      try {
        JSON.stringify(req);
      } catch {
        continue; // nested deeper than JSON.stringify recurses: no app builds that as an object
      }
      // The op on the same object the app would pass (JSON.parse keeps the
      // last of duplicate keys, so an object can differ from the vector's text).
      const want = call(op, { payload: req.payload, options: req.options || {} });
      const wx = {};
      const mock = mockCardApis(wx, req.options);
      const got = await replay(wx, api, req);
      assert.equal(got.ok, want.ok, `${v.name}: ${JSON.stringify(got.res).slice(0, 300)}`);
      if (!want.ok) assert.equal(got.res.errMsg, `${api}:fail ${failDetail(want)}`, v.name);
      assert.equal(mock.calls.length, 1);
      assert.deepEqual(mock.calls[0].diagnostics, want.diagnostics, `${v.name}: the mock saw what the op sees`);
      n++;
      if (want.ok) oks++;
    }
    assert.ok(n >= least, `${n} vectors replayed`);
    assert.ok(oks > 0 && oks < n, `both answers occur: ${oks} of ${n} succeed`);
    t.diagnostic(`${n} ${op} vectors replayed as wx.${api}, ${oks} of them ok`);
  });
}

test('the documented WeChat details: 签名错误, 已领完, 参数错误, else wxcard <code>', async () => {
  const wx = {};
  mockCardApis(wx, { cards: { [CARD]: { use_custom_code: true } } });
  const fail = (cardList) => wx.addCard({ cardList }).then(() => assert.fail('expected a fail'), (e) => e.errMsg);
  assert.equal(await fail([{ cardId: CARD, cardExt: { timestamp: 1700000000, signature: SIG, code: '1' } }]), 'addCard:fail 签名错误');
  assert.equal(await fail([{ cardId: CARD, cardExt: JSON.stringify({ timestamp: 1700000000, code: '1' }) }]), 'addCard:fail 签名错误');
  const same = JSON.stringify({ timestamp: 1700000000, nonce_str: 'n1', signature: SIG, code: '1' });
  assert.equal(await fail([{ cardId: CARD, cardExt: same }, { cardId: CARD, cardExt: same.replace('"1"', '"2"') }]), 'addCard:fail 已领完');
  assert.equal(await fail([{ cardId: CARD, cardExt: goodExt('n1') }]), 'addCard:fail 参数错误', 'custom-code card without code');
  assert.equal(await fail([{ cardId: CARD, cardExt: JSON.stringify({ timestamp: 1700000000 * 1000, signature: SIG, code: '1' }) }]), 'addCard:fail wxcard timestamp-milliseconds');
  assert.deepEqual(
    Object.entries(RULES).filter(([, r]) => r.wechat).map(([c, r]) => `${c}=${r.wechat}`).sort(),
    [
      'cardext-not-string=签名错误', 'code-not-allowed=参数错误', 'code-required=参数错误', 'code-too-long=参数错误',
      'nonce-reused=已领完', 'openid-not-allowed=参数错误', 'openid-required=参数错误', 'signature-format=签名错误', 'signature-missing=签名错误',
    ],
  );
});

test('addCard:ok with 44-character encrypted-looking codes, which openCard then refuses; callbacks, calls, restore', async () => {
  const original = () => 'original';
  const wx = { addCard: original };
  const mock = mockCardApis(wx);
  const order = [];
  const res = await new Promise((resolve) => {
    const r = wx.addCard({
      cardList: [{ cardId: CARD, cardExt: goodExt('a1') }, { cardId: CARD, cardExt: goodExt('a2') }],
      success: (x) => order.push('success') && resolve(x),
      complete: () => order.push('complete'),
    });
    assert.equal(r, undefined, 'callback style returns nothing');
    assert.deepEqual(order, [], 'answered later, as WeChat does');
  });
  await Promise.resolve();
  assert.deepEqual(order, ['success', 'complete']);
  assert.equal(res.errMsg, 'addCard:ok');
  assert.equal(res.cardList.length, 2);
  for (const [i, c] of res.cardList.entries()) {
    assert.match(c.code, /^[A-Za-z0-9+/]{43}=$/);
    assert.equal(c.code, fakeEncryptedCode(CARD, c.cardExt, i), 'deterministic');
    assert.equal(c.isSuccess, true);
    assert.equal(c.cardId, CARD);
  }
  assert.notEqual(res.cardList[0].code, res.cardList[1].code);
  // Handing addCard's codes straight to openCard fails, as with WeChat.
  const open = await wx.openCard({ cardList: res.cardList.map(({ cardId, code }) => ({ cardId, code })) }).catch((e) => e);
  assert.equal(open.errMsg, 'openCard:fail wxcard code-encrypted');
  assert.equal(await wx.openCard({ cardList: [{ cardId: CARD, code: '1234567890' }] }).then((r) => r.errMsg), 'openCard:ok');
  assert.deepEqual(mock.calls.map((c) => [c.api, c.answer.errMsg]), [['addCard', 'addCard:ok'], ['openCard', 'openCard:fail wxcard code-encrypted'], ['openCard', 'openCard:ok']]);
  assert.equal(typeof mock.calls[0].payload.success, 'undefined', 'callbacks are not part of the recorded payload');
  mock.restore();
  assert.equal(wx.addCard, original);
  assert.equal('openCard' in wx, false, 'a key that was not there is removed again');
});

test('cancel: addCard answers addCard:fail cancel', async () => {
  const wx = {};
  mockCardApis(wx, { cancel: true });
  const e = await wx.addCard({ cardList: [{ cardId: CARD, cardExt: goodExt('c1') }] }).catch((x) => x);
  assert.deepEqual(e, { errMsg: 'addCard:fail cancel' });
});

test('mockCardApis needs init and an object', async () => {
  const { createWxcard } = await import('../index.js');
  const { makeMock } = await import('../mock.js');
  assert.throws(() => makeMock(createWxcard())({}), /await init\(\)/);
  assert.throws(() => mockCardApis(null), TypeError);
});

test("require('wxcard/testing') shares the engine of require('wxcard')", () => {
  requireBuilt();
  const script = `
    const { init } = require('wxcard');
    const { mockCardApis } = require('wxcard/testing');
    init().then(() => {
      const wx = {};
      mockCardApis(wx);
      return wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: {} }] }).catch((e) => console.log(e.errMsg));
    });
  `;
  const r = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', script], { cwd: JS_DIR, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'addCard:fail 签名错误\n');
});
