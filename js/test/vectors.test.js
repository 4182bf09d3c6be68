// Conformance: every vector in tests/vectors through the package's raw call
// must give the expected bytes exactly; inline cases must match native Go.
import test from 'node:test';
import assert from 'node:assert/strict';
import { init, callRaw } from '../index.js';
import { readVectors, REQUIRE_VECTORS, INLINE_CASES, nativeOutputs, requireWasm, WASM_PATH } from './helpers.js';

const show = (b) => {
  const s = Buffer.from(b).toString('utf8');
  return s.length > 600 ? s.slice(0, 600) + '…' : s;
};

requireWasm();
await init(WASM_PATH);
const vectors = readVectors();

test('vectors are present when required', (t) => {
  if (vectors.length === 0 && !REQUIRE_VECTORS) {
    t.skip('no vectors under tests/vectors yet (set WXCARD_REQUIRE_VECTORS=1 to make this a failure)');
    return;
  }
  assert.ok(vectors.length > 0, 'WXCARD_REQUIRE_VECTORS is set but tests/vectors holds no vector');
});

for (const v of vectors) {
  test(`vector ${v.name}`, () => {
    const got = Buffer.from(callRaw(v.op, v.input));
    assert.ok(got.equals(v.output), `output differs\n got:  ${show(got)}\n want: ${show(v.output)}`);
  });
}

// buildAddCard writes each cardExt object exactly as JSON.stringify would,
// in the documented key order; a cardExt given as a string passes through.
const EXT_ORDER = ['code', 'openid', 'timestamp', 'nonce_str', 'fixed_begintimestamp', 'outer_str', 'signature',
  'out_request_no', 'coupon_code', 'customize_send_time', 'send_coupon_merchant', 'sign'];

test('buildAddCard vectors: cardExt bytes are JSON.stringify of the fields in the documented order', () => {
  let checked = 0;
  for (const v of vectors.filter((x) => x.op === 'buildAddCard')) {
    let input;
    try { input = JSON.parse(v.input.toString('utf8')); } catch (e) { continue; }
    const out = JSON.parse(v.output.toString('utf8'));
    if (!out.ok || !input || typeof input.payload !== 'object' || input.payload === null) continue;
    out.result.cardList.forEach((item, i) => {
      const given = input.payload.cardList[i].cardExt;
      if (typeof given === 'string') {
        assert.equal(item.cardExt, given, `${v.name} #${i}: a string cardExt passes through`);
      } else {
        const ordered = {};
        for (const k of EXT_ORDER) if (k in given) ordered[k] = given[k];
        assert.equal(item.cardExt, JSON.stringify(ordered), `${v.name} #${i}`);
      }
      checked++;
    });
  }
  assert.ok(checked >= 6, `only ${checked} cardExt strings checked`);
});

test('inline cases: wasm in Node gives native Go bytes for every op', () => {
  const want = nativeOutputs(INLINE_CASES);
  assert.equal(want.length, INLINE_CASES.length);
  INLINE_CASES.forEach((c, i) => {
    const got = Buffer.from(callRaw(c.op, c.input));
    assert.ok(got.equals(want[i]), `${c.op} #${i}\n got:  ${show(got)}\n want: ${show(want[i])}`);
    const out = JSON.parse(got.toString('utf8'));
    assert.equal(typeof out.ok, 'boolean', `${c.op} #${i}: ok is a boolean`);
    assert.ok(Array.isArray(out.diagnostics), `${c.op} #${i}: diagnostics is an array`);
    assert.equal(out.ok, !out.diagnostics.some((d) => d.severity === 'error'), `${c.op} #${i}: ok iff no error`);
  });
});

test('the vector walker reads pairs per op directory and _request ops from .op files', async (t) => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-vectors-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'validateCardList'));
  mkdirSync(join(dir, '_request'));
  writeFileSync(join(dir, 'validateCardList', 'b.input.json'), Buffer.from([0xff]));
  writeFileSync(join(dir, 'validateCardList', 'b.output.json'), 'B');
  writeFileSync(join(dir, 'validateCardList', 'a.input.json'), '{}');
  writeFileSync(join(dir, 'validateCardList', 'a.output.json'), 'A');
  writeFileSync(join(dir, 'validateCardList', 'notes.md'), 'ignored');
  writeFileSync(join(dir, '_request', 'unknown.op'), 'noSuchOp\n');
  writeFileSync(join(dir, '_request', 'unknown.input.json'), '{"payload":{},"options":{}}');
  writeFileSync(join(dir, '_request', 'unknown.output.json'), 'U');
  const got = readVectors(dir).map((v) => [v.name, v.op, v.input.toString('hex'), v.output.toString()]);
  assert.deepEqual(got, [
    ['_request/unknown', 'noSuchOp', Buffer.from('{"payload":{},"options":{}}').toString('hex'), 'U'],
    ['validateCardList/a', 'validateCardList', Buffer.from('{}').toString('hex'), 'A'],
    ['validateCardList/b', 'validateCardList', 'ff', 'B'],
  ]);
});
