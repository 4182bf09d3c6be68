// The JS API over the real module: input forms, the op wrappers' requests,
// the size cap, idempotent init, memory growth, and recovery after traps
// (with a hand-assembled module that traps on demand).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as wx from '../index.js';
import { createWxcard, MAX_INPUT_BYTES, WxcardError } from '../index.js';
import { JS_DIR, WASM_PATH, requireWasm, tinyWasm, TINY_OUTPUT } from './helpers.js';

requireWasm();
const wasmBytes = readFileSync(WASM_PATH);
const request = {
  payload: { cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: '{"timestamp":1700000000,"signature":"x"}' }] },
  options: { locale: 'zh-CN' },
};

test('init is idempotent and hands out one promise', async () => {
  const a = wx.init();
  const b = wx.init(wasmBytes);
  assert.equal(a, b);
  await a;
  assert.equal(wx.init(), a);
  assert.ok(wx.isInitialized());
});

test('call accepts an object, JSON text or bytes and gives the same output', async () => {
  await wx.init();
  const text = JSON.stringify(request);
  const bytes = Buffer.from(text);
  const want = Buffer.from(wx.callRaw('validateCardList', bytes));
  const forms = [
    request,
    text,
    new Uint8Array(bytes),
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
  ];
  for (const f of forms) {
    assert.ok(Buffer.from(wx.callRaw('validateCardList', f)).equals(want), `form ${Object.prototype.toString.call(f)}`);
  }
  assert.equal(wx.callRawText('validateCardList', text), want.toString('utf8'));
  assert.deepEqual(wx.call('validateCardList', text), JSON.parse(want.toString('utf8')));
});

test('op wrappers send {"payload","options"} to the op of their name', async () => {
  const seen = [];
  const engine = createWxcard();
  await engine.init({
    wasm: wasmBytes,
    instantiate: async (bytes, imports) => {
      const { instance } = await WebAssembly.instantiate(bytes, imports);
      const ex = instance.exports;
      const read = (p, n) => Buffer.from(new Uint8Array(ex.memory.buffer, p, n)).toString('utf8');
      return {
        instance: {
          exports: {
            ...ex,
            wxcard_call(opPtr, opLen, inPtr, inLen) {
              seen.push([read(opPtr, opLen), read(inPtr, inLen)]);
              return ex.wxcard_call(opPtr, opLen, inPtr, inLen);
            },
          },
        },
      };
    },
  });
  const wrappers = [
    'validateCardList', 'buildAddCard', 'buildOpenCard', 'parseAddCardResult', 'parseActivateUrl',
    'validateMemberCardLaunch', 'parseReferrerInfo', 'lint',
  ];
  for (const name of wrappers) {
    seen.length = 0;
    const out = engine[name]({ cardList: [] });
    assert.equal(typeof out.ok, 'boolean');
    assert.deepEqual(seen, [[name, '{"payload":{"cardList":[]},"options":{}}']], name);
  }
  seen.length = 0;
  engine.parseActivateUrl('https://mp.weixin.qq.com/x', { locale: 'en', now: 1 });
  assert.deepEqual(seen, [['parseActivateUrl', '{"payload":"https://mp.weixin.qq.com/x","options":{"locale":"en","now":1}}']]);
});

test('inputs over 16 MiB are refused before the module; the package keeps working', async () => {
  await wx.init();
  assert.equal(MAX_INPUT_BYTES, 16 * 1024 * 1024);
  assert.throws(() => wx.callRaw('validateCardList', 'x'.repeat(MAX_INPUT_BYTES + 1)), (e) => e instanceof RangeError && /16 MiB/.test(e.message));
  assert.throws(() => wx.callRaw('validateCardList', new Uint8Array(MAX_INPUT_BYTES + 1)), RangeError);
  // Multi-byte characters: under the cap in UTF-16 units, over it in UTF-8 bytes.
  assert.throws(() => wx.call('validateCardList', '中'.repeat(MAX_INPUT_BYTES / 3 + 1)), RangeError);
  assert.throws(() => wx.validateCardList({ cardList: [{ cardId: 'p'.repeat(MAX_INPUT_BYTES) }] }), RangeError);
  // Exactly at the cap goes in (the core answers with its own limit).
  const out = wx.call('validateCardList', Buffer.alloc(MAX_INPUT_BYTES, 0x20));
  assert.equal(typeof out.ok, 'boolean');
  assert.equal(typeof wx.validateCardList(request.payload).ok, 'boolean');
});

test('bad arguments throw TypeError and leave the package working', async () => {
  await wx.init();
  assert.throws(() => wx.call('validateCardList', undefined), TypeError);
  assert.throws(() => wx.call(42, '{}'), TypeError);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => wx.call('validateCardList', cyclic), TypeError);
  assert.equal(typeof wx.call('validateCardList', '{}').ok, 'boolean');
});

test('large inputs grow memory and later calls still read the right bytes', async () => {
  await wx.init();
  const want = wx.callRawText('validateCardList', request);
  const big = JSON.stringify({ payload: { cardList: [{ cardId: 'p', cardExt: 'x'.repeat(2 << 20) }] }, options: {} });
  for (let i = 0; i < 40; i++) {
    wx.callRaw('validateCardList', big);
    assert.equal(wx.callRawText('validateCardList', request), want);
  }
});

test('a trap discards the instance and the next call works (compiled module)', async () => {
  const e = createWxcard();
  await e.init(tinyWasm());
  assert.equal(e.callRawText('validateCardList', '{}'), TINY_OUTPUT);
  assert.throws(() => e.callRaw('validateCardList', 'trap'), (err) => err instanceof WxcardError && /trapped during validateCardList \(unreachable\)/.test(err.message) && /fresh one made/.test(err.message));
  assert.equal(e.callRawText('validateCardList', '{}'), TINY_OUTPUT);
  // A guest that prints and exits: its output is in the message.
  assert.throws(() => e.callRaw('lint', 'boom!'), (err) => /exited with status 2; module output: boom/.test(err.message));
  assert.equal(e.callRawText('lint', '{}'), TINY_OUTPUT);
  assert.deepEqual(e.call('lint', '{}'), { ok: true, diagnostics: [] });
});

test('a trap under an injected instantiate function re-instantiates through it', async () => {
  let made = 0;
  const instantiate = async (bytes, imports) => {
    made++;
    // Like WXWebAssembly.instantiate: resolves to the instance itself.
    return (await WebAssembly.instantiate(bytes, imports)).instance;
  };
  const e = createWxcard();
  await e.init({ instantiate, wasm: tinyWasm() });
  assert.equal(made, 1);
  assert.throws(() => e.callRaw('validateCardList', 'trap'), /await init\(\) before the next call/);
  assert.throws(() => e.callRaw('validateCardList', '{}'), /re-instantiated after a trap; await init\(\)/);
  await e.init();
  assert.equal(made, 2);
  assert.equal(e.callRawText('validateCardList', '{}'), TINY_OUTPUT);
});

test('a module of another ABI version or without the exports is refused', async () => {
  await assert.rejects(createWxcard().init(tinyWasm({ abi: 2 })), /ABI version 2; this package needs 1/);
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  await assert.rejects(createWxcard().init(empty), /not a wxcard module \(no export _initialize\)/);
  await assert.rejects(createWxcard().init({ instantiate: 'nope' }), TypeError);
});

test('Node never fetches: http(s) sources are refused', async () => {
  await assert.rejects(createWxcard().init('https://127.0.0.1:9/wxcard.wasm'), /does not fetch/);
  await assert.rejects(createWxcard().init(new URL('http://127.0.0.1:9/wxcard.wasm')), /does not fetch/);
});

test('init takes a path, a file: URL, bytes, a Module or a Response', async () => {
  const module = await WebAssembly.compile(wasmBytes);
  const sources = [
    WASM_PATH,
    new URL(`file://${WASM_PATH}`),
    wasmBytes,
    wasmBytes.buffer.slice(wasmBytes.byteOffset, wasmBytes.byteOffset + wasmBytes.length),
    module,
    new Response(wasmBytes),
    Promise.resolve(wasmBytes),
    { wasm: module },
  ];
  for (const s of sources) {
    const e = createWxcard();
    await e.init(s);
    assert.equal(typeof e.validateCardList({ cardList: [] }).ok, 'boolean');
  }
});

test('memory stays bounded over many calls (every block handed to the module is freed)', async () => {
  let memory = null;
  const e = createWxcard();
  await e.init({
    wasm: wasmBytes,
    instantiate: async (bytes, imports) => {
      const r = await WebAssembly.instantiate(bytes, imports);
      memory = r.instance.exports.memory;
      return r;
    },
  });
  const input = Buffer.from(JSON.stringify({ payload: { cardList: [{ cardId: 'p', cardExt: 'x'.repeat(4096) }] }, options: {} }));
  const want = e.callRawText('validateCardList', input);
  for (let i = 0; i < 40000; i++) e.callRaw('validateCardList', input);
  assert.equal(e.callRawText('validateCardList', input), want);
  assert.ok(memory.buffer.byteLength < 64 * 1024 * 1024, `memory grew to ${memory.buffer.byteLength} bytes`);
});

test('calls reuse one guest block; a block over 1 MiB is freed after its call', async () => {
  const counts = { alloc: 0, free: 0 };
  const e = createWxcard();
  await e.init({
    wasm: wasmBytes,
    instantiate: async (bytes, imports) => {
      const { instance } = await WebAssembly.instantiate(bytes, imports);
      const ex = instance.exports;
      return {
        exports: {
          ...ex,
          wxcard_alloc: (n) => (counts.alloc++, ex.wxcard_alloc(n)),
          wxcard_free: (p) => (counts.free++, ex.wxcard_free(p)),
        },
      };
    },
  });
  const want = e.callRawText('validateCardList', request);
  for (let i = 0; i < 100; i++) assert.equal(e.callRawText('validateCardList', request), want);
  assert.deepEqual(counts, { alloc: 1, free: 0 });
  const big = JSON.stringify({ payload: { cardList: [{ cardId: 'p', cardExt: 'x'.repeat(2 << 20) }] }, options: {} });
  e.callRaw('validateCardList', big);
  // The small block gave way to the big one, which went after its call.
  assert.deepEqual(counts, { alloc: 2, free: 2 });
  assert.equal(e.callRawText('validateCardList', request), want);
  assert.deepEqual(counts, { alloc: 3, free: 2 });
});

test('in Node the module is seeded from the Web Crypto global, in both entries', () => {
  for (const [flag, load] of [['--input-type=module', "const w = await import('wxcard');"], ['--input-type=commonjs', "const w = require('wxcard');"]]) {
    const script = `
      let n = 0;
      const real = globalThis.crypto;
      Object.defineProperty(globalThis, 'crypto', { configurable: true, value: { getRandomValues: (b) => { n += b.length; return real.getRandomValues(b); } } });
      (async () => {
        ${load}
        await w.init();
        w.validateCardList({ cardList: [] });
        process.stdout.write(String(n));
      })();
    `;
    const r = spawnSync(process.execPath, [flag, '-e', script], { cwd: JS_DIR, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Number(r.stdout) >= 8, `${flag}: ${r.stdout} random bytes from crypto.getRandomValues`);
  }
});
