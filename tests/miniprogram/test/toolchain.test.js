// The packed wxcard inside the mini program toolchain, with the real tools:
// miniprogram-ci's packNpm (what 工具 → 构建 npm runs) builds wxcard beside
// another CommonJS dependency; the built code package then runs in a
// sandbox that offers only what a mini program offers, as built and after
// each of the devtools' compilers, and answers every conformance vector with
// the bytes native Go gives.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { assemble, readVectors, compileCopy, packNpm, WASM } = require('./project');
const { createSandbox } = require('./sandbox');

const CARD_ID = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc';
const DEFAULT_PATH = '/miniprogram_npm/wxcard/wxcard.wasm.br';

// One packNpm for the file (the slow part), kept until the last test is done.
let built = null;
let vectors = [];
const cleanups = [];
test.before(async () => {
  vectors = await readVectors();
  const dir = assemble({ after: (fn) => cleanups.push(fn) });
  built = { dir, warnings: await packNpm(dir) };
});
test.after(() => cleanups.forEach((fn) => fn()));
const builtProject = () => built;

test('packNpm builds wxcard from its miniprogram field, beside another CommonJS dependency', async (t) => {
  const { dir, warnings } = await builtProject();
  assert.deepEqual(warnings, [], 'no packNpm warnings');
  const npmDir = path.join(dir, 'miniprogram_npm');
  assert.deepEqual(fs.readdirSync(npmDir).sort(), ['ms', 'wxcard']);
  // wxcard's miniprogram_dist/ is copied whole; ms is bundled from its main.
  assert.deepEqual(fs.readdirSync(path.join(npmDir, 'wxcard')).filter((f) => !f.endsWith('.map')).sort(), ['index.js', 'testing.js', 'wxcard.wasm.br']);
  assert.ok(fs.existsSync(path.join(npmDir, 'ms', 'index.js')));
  const br = fs.readFileSync(path.join(npmDir, 'wxcard', 'wxcard.wasm.br'));
  assert.ok(zlib.brotliDecompressSync(br).equals(fs.readFileSync(WASM)), 'wxcard.wasm.br holds the bytes of wasm/wxcard.wasm');
});

for (const mode of ['as built', 'es6', 'enhance']) {
  test(`the code package ${mode === 'as built' ? 'as 构建 npm leaves it' : `after the devtools' ${mode === 'es6' ? 'ES6→ES5 transform' : 'enhanced compile'}`}: every vector, byte for byte`, async (t) => {
    const { dir } = await builtProject();
    let root = dir;
    if (mode !== 'as built') {
      const c = compileCopy(t, dir, mode);
      root = c.dir;
      const entry = c.compiled['miniprogram_npm/wxcard/index.js'];
      assert.ok(entry, 'the wxcard entry was compiled');
      assert.doesNotMatch(entry, /regeneratorRuntime/, 'no async function or generator survived into the compiled entry');
      if (mode === 'enhance') {
        for (const h of c.helpers) assert.match(h, /^@babel\/runtime\/helpers\//, `helpers come from the vendored @babel/runtime: ${h}`);
      }
    }
    const sb = createSandbox(root);
    sb.load('app.js');
    const app = sb.registered.app;
    assert.ok(app, 'app.js called App()');
    app.onLaunch();
    await app.wxcardReady;
    assert.deepEqual(sb.calls.instantiate, [DEFAULT_PATH], 'loaded from the default code-package path');

    const w = sb.require('wxcard');
    assert.ok(vectors.length > 100, `${vectors.length} vectors`);
    for (const v of vectors) {
      const got = Buffer.from(w.callRaw(v.op, sb.bytesIn(v.input)));
      assert.ok(got.equals(v.output), `${v.name}: output differs\n got:  ${got.toString().slice(0, 400)}\n want: ${v.output.toString().slice(0, 400)}`);
    }
    assert.ok(sb.calls.getRandomValues >= 1, 'random bytes came from wx.getRandomValues');

    // The sample's component: buildAddCard's string cardExt reaches wx.addCard.
    sb.load('components/add-card/index.js');
    const comp = sb.registered.components[0];
    const events = [];
    const now = Math.floor(Date.now() / 1000);
    const self = {
      data: { cardId: CARD_ID, cardExt: { timestamp: now, nonce_str: 'kM3fT8qZ2b', signature: 'f137ab68b7f8112d20ee528ab6074564e2796250' } },
      triggerEvent: (name, detail) => events.push([name, detail]),
    };
    comp.methods.claim.call(self);
    assert.equal(sb.calls.addCard.length, 1, JSON.stringify(events));
    assert.equal(sb.calls.addCard[0].cardList[0].cardExt, `{"timestamp":${now},"nonce_str":"kM3fT8qZ2b","signature":"f137ab68b7f8112d20ee528ab6074564e2796250"}`);
    assert.deepEqual(events.map((e) => e[0]), ['added']);

    // An object where a string belongs: the component reports, wx never sees it.
    self.data.cardExt = { timestamp: now * 1000 };
    comp.methods.claim.call(self);
    assert.equal(sb.calls.addCard.length, 1);
    const codes = events[1][1].diagnostics.map((d) => d.code);
    assert.ok(codes.includes('timestamp-milliseconds'), codes.join(', '));

    // The guard app.js installed (block: true) stops what WeChat would refuse,
    // and says so on the console; valid calls went through above.
    const blocked = [];
    sb.run('wx').addCard({
      cardList: [{ cardId: CARD_ID, cardExt: { timestamp: now, signature: 'f137ab68b7f8112d20ee528ab6074564e2796250' } }],
      fail: (e) => blocked.push(e.errMsg),
    });
    assert.equal(sb.calls.addCard.length, 1, 'not sent');
    assert.match(blocked[0], /^addCard:fail wxcard cardext-not-string: /);
    const logged = sb.calls.console.filter(([level]) => level === 'error' || level === 'warn');
    assert.equal(logged.length, 1, JSON.stringify(logged));
    assert.match(logged[0][1], /^\[wxcard\] wx\.addCard: .*not sent to WeChat/);
    // App.onShow back from the activation component, twice with one ticket.
    const show = { referrerInfo: { appId: 'wxeb490c6f9b154ef9', extraData: { activate_ticket: 'fz79q6Nk', card_id: CARD_ID, code: '1434008071' } } };
    app.onShow(show);
    await app.wxcardReady;
    assert.equal(app.activation.state, 'activated');
    assert.equal(app.cardGuard.checkReferrer(show).diagnostics[0].code, 'activate-ticket-reused');

    // wxcard/testing in the mini program build shares the entry's engine.
    const mockWx = {};
    sb.require('wxcard/testing').mockCardApis(mockWx);
    const answer = await new Promise((resolve) => mockWx.addCard({ cardList: [{ cardId: CARD_ID, cardExt: {} }], fail: resolve }));
    assert.equal(answer.errMsg, 'addCard:fail 签名错误');
  });
}

test('init in a mini program: another code-package path, a plain init(), no wx.getRandomValues, bytes refused', async (t) => {
  const { dir } = await builtProject();
  const sub = path.join(dir, 'packages', 'dev');
  fs.mkdirSync(sub, { recursive: true });
  fs.copyFileSync(path.join(dir, 'miniprogram_npm', 'wxcard', 'wxcard.wasm.br'), path.join(sub, 'wxcard.wasm.br'));
  t.after(() => fs.rmSync(path.join(dir, 'packages'), { recursive: true, force: true }));

  const sb = createSandbox(dir, { randomValues: false });
  const w = sb.require('wxcard');
  const other = w.createWxcard();
  await other.init({ instantiate: sb.context.WXWebAssembly.instantiate, wasm: '/packages/dev/wxcard.wasm.br' });
  assert.equal(other.validateCardList({ cardList: [{ cardId: CARD_ID }] }).diagnostics[0].code, 'cardext-missing');

  // init() alone finds WXWebAssembly and the default path.
  await w.init();
  assert.equal(w.isInitialized(), true);
  assert.deepEqual(sb.calls.instantiate, ['/packages/dev/wxcard.wasm.br', DEFAULT_PATH]);
  assert.equal(sb.calls.getRandomValues, 0, 'this base library has no wx.getRandomValues: Math.random serves');

  // A missing path is WXWebAssembly's error, passed on.
  const third = w.createWxcard();
  await assert.rejects(third.init({ instantiate: sb.context.WXWebAssembly.instantiate, wasm: '/nowhere/wxcard.wasm.br' }), /not in the code package/);
  // Bytes cannot be compiled here: there is no WebAssembly in a mini program.
  const fourth = w.createWxcard();
  await assert.rejects(fourth.init(sb.bytesIn(fs.readFileSync(WASM))), (err) => {
    assert.equal(err.name, 'WxcardError');
    assert.match(err.message, /WXWebAssembly|instantiate/);
    return true;
  });
});
