// The pure-JS UTF-8 paths (for engines without TextEncoder/TextDecoder)
// agree with Node's Buffer, including lone surrogates and invalid bytes; the
// clock's nanosecond words agree with BigInt arithmetic.
import test from 'node:test';
import assert from 'node:assert/strict';
import { utf8EncodeJS as utf8Encode, utf8DecodeJS as utf8Decode, utf8EncodeInto, utf8Length, nanoWords } from '../core.js';

const strings = ['', 'abc', 'é', '中文签名错误', '😀x', '\ud800', 'a\udc00b', '\ud83d', '\ud83d\ude00\ud83d', '\u0000\u007f\u0080\u07ff\u0800\uffff'];

test('utf8Length and utf8Encode match Buffer for every kind of string', () => {
  for (const s of strings) {
    assert.equal(utf8Length(s), Buffer.byteLength(s), JSON.stringify(s));
    assert.ok(Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8')), JSON.stringify(s));
  }
});

test('utf8Decode matches TextDecoder on valid and invalid bytes', () => {
  const dec = new TextDecoder();
  const cases = [
    [0x61], [0xc3, 0xa9], [0xe4, 0xb8, 0xad], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0xc3], [0xe4, 0xb8], [0xc0, 0x80],
    [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x61, 0xf0, 0x9f, 0x62], [0x80, 0x80],
  ];
  for (const c of cases) {
    const b = Uint8Array.from(c);
    assert.equal(utf8Decode(b), dec.decode(b), c.map((x) => x.toString(16)).join(' '));
  }
});

test('utf8DecodeJS agrees with TextDecoder on random bytes', () => {
  const dec = new TextDecoder();
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pool = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
  for (let n = 0; n < 5000; n++) {
    const b = Uint8Array.from({ length: Math.floor(rnd() * 10) }, () => (rnd() < 0.8 ? pool[Math.floor(rnd() * pool.length)] : Math.floor(rnd() * 256)));
    assert.equal(utf8Decode(b), dec.decode(b), Array.from(b, (x) => x.toString(16)).join(' '));
  }
});

test('utf8EncodeJS agrees with Buffer on random UTF-16', () => {
  let seed = 777;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const units = [0x41, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xffff];
  for (let n = 0; n < 5000; n++) {
    const s = String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 8) }, () => units[Math.floor(rnd() * units.length)]));
    assert.ok(Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8')), JSON.stringify(s));
    assert.equal(utf8Length(s), Buffer.byteLength(s));
  }
});

test('long ASCII runs (over the decoder chunk) around multi-byte text', () => {
  const dec = new TextDecoder();
  for (const s of ['a'.repeat(20000), 'a'.repeat(8191) + '中' + 'b'.repeat(9000), '签'.repeat(3) + 'x'.repeat(16385) + '😀']) {
    const b = Buffer.from(s, 'utf8');
    assert.ok(Buffer.from(utf8Encode(s)).equals(b), `encode, ${s.length} units`);
    assert.equal(utf8Decode(new Uint8Array(b)), dec.decode(b), `decode, ${b.length} bytes`);
  }
});

test('nanoWords: microseconds to nanosecond words as BigInt would compute them', () => {
  let seed = 99;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const values = [0, 1, 999, 2 ** 32 - 1, 2 ** 32, 1.7e15, 1796167065123456, 2 ** 53 - 1];
  for (let i = 0; i < 2000; i++) values.push(Math.floor(rnd() * 2 ** 21) * 2 ** 32 + Math.floor(rnd() * 2 ** 32));
  for (const us of values) {
    const ns = BigInt(us) * BigInt(1000);
    const { hi, lo } = nanoWords(us);
    assert.equal((BigInt(hi) << BigInt(32)) + BigInt(lo), ns & ((BigInt(1) << BigInt(64)) - BigInt(1)), String(us));
  }
});

test('the four-at-a-time ASCII path, aligned and not, stopping at multi-byte text anywhere in a word', () => {
  for (let lead = 0; lead < 8; lead++) {
    for (const tail of ['', 'é', '中文', '😀', '\ud800x']) {
      const s = 'k'.repeat(lead) + '{"cardId":"pFS7"}' + tail + 'abc';
      const want = Buffer.from(s, 'utf8');
      for (let off = 0; off < 4; off++) {
        // dst itself aligned or not, and written from an offset or not.
        for (const viewAt of [0, 1, 2, 3]) {
          const dst = new Uint8Array(new ArrayBuffer(8 + off + s.length * 3), viewAt);
          const n = utf8EncodeInto(s, dst, off);
          assert.equal(n, want.length);
          assert.ok(Buffer.from(dst.subarray(off, off + n)).equals(want), `${JSON.stringify(s)} at ${viewAt}+${off}`);
        }
      }
    }
  }
});
