// Shared by the tests: where things are, the conformance vectors, a few
// inline cases, native Go outputs for comparison, and a hand-assembled
// stand-in module whose calls can trap on demand.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const JS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO = dirname(JS_DIR);
export const WASM_PATH = join(REPO, 'wasm', 'wxcard.wasm');
export const VECTORS_DIR = join(REPO, 'tests', 'vectors');

/** Fails with a clear message when the committed module is absent. */
export function requireWasm() {
  if (!existsSync(WASM_PATH)) {
    throw new Error(`${WASM_PATH} is missing: it is a committed build artifact (make wasm rebuilds it)`);
  }
}

/** Debian's Chromium, driven by playwright-core, and how the tests start it. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** node:test's skip for a browser test: only outside CI, when Chromium is absent. */
export const skipWithoutChromium = (what) =>
  !existsSync(CHROMIUM) && !process.env.CI ? `${CHROMIUM} is absent (apt-get install chromium); ${what} skipped outside CI` : false;

/** What build.mjs makes (make js-build): the CommonJS entry and the mini program build. */
export const BUILT = {
  cjs: join(JS_DIR, 'index.cjs'),
  dcts: join(JS_DIR, 'index.d.cts'),
  miniprogram: join(JS_DIR, 'miniprogram_dist', 'index.js'),
  br: join(JS_DIR, 'miniprogram_dist', 'wxcard.wasm.br'),
};

/** Fails with a clear message when build.mjs has not run. */
export function requireBuilt() {
  for (const p of Object.values(BUILT)) {
    if (!existsSync(p)) throw new Error(`${p} is missing: it is built from the sources (make js-build, or npm run build in js/)`);
  }
}

/** Every vector under tests/vectors, sorted: { op, name, input, output } with Buffers. */
export function readVectors(dir = VECTORS_DIR) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const opDir of readdirSync(dir, { withFileTypes: true })) {
    if (!opDir.isDirectory()) continue;
    const base = join(dir, opDir.name);
    for (const f of readdirSync(base).sort()) {
      if (!f.endsWith('.input.json')) continue;
      const name = f.slice(0, -'.input.json'.length);
      let op = opDir.name;
      if (op === '_request') {
        // The op is the file's bytes, less one trailing newline.
        op = readFileSync(join(base, `${name}.op`), 'utf8').replace(/\r?\n$/, '');
      }
      out.push({
        op,
        name: `${opDir.name}/${name}`,
        input: readFileSync(join(base, f)),
        output: readFileSync(join(base, `${name}.output.json`)),
      });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** WXCARD_REQUIRE_VECTORS=1 makes finding no vector a failure. */
export const REQUIRE_VECTORS = /^(1|true|yes)$/i.test(process.env.WXCARD_REQUIRE_VECTORS || '');

const ext = (o) => JSON.stringify(o);
const cardExt = {
  code: '1234567890',
  openid: 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA',
  timestamp: 1700000000,
  nonce_str: 'k3J8s9Qm2LxP0aZ1',
  signature: 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c8e6b2a10',
};

/** Inline cases over every op; their expected bytes come from native Go. */
export const INLINE_CASES = [
  ['validateCardList', ext({ payload: { cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: ext(cardExt) }] }, options: {} })],
  ['validateCardList', ext({ payload: '{"cardList":[{"cardId":"p1","cardExt":{"code":1}}]}', options: { locale: 'zh-CN' } })],
  ['buildAddCard', ext({ payload: { cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt }] }, options: {} })],
  ['buildOpenCard', ext({ payload: { cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', code: '1234567890' }] }, options: {} })],
  ['parseAddCardResult', ext({ payload: { errMsg: 'addCard:fail cancel' }, options: {} })],
  ['parseActivateUrl', ext({ payload: 'https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&encrypt_card_id=abc%2B%3D&outer_str=x&biz=MzI%3D%3D#wechat_redirect', options: {} })],
  ['validateMemberCardLaunch', ext({ payload: { appId: 'wxeb490c6f9b154ef9', extraData: { encrypt_card_id: 'a', outer_str: 'b', biz: 'c' } }, options: {} })],
  ['parseReferrerInfo', ext({ payload: { referrerInfo: { appId: 'wxeb490c6f9b154ef9', extraData: {} } }, options: {} })],
  ['lint', ext({ payload: { files: [{ path: 'a.json', content: '{"cardList":[]}' }] }, options: { format: 'json' } })],
  ['noSuchOp', '{"payload":{},"options":{}}'],
  ['validateCardList', '{"payload": {"cardList": [ }'],
  ['validateCardList', ''],
].map(([op, input]) => ({ op, input: Buffer.from(input) }));
// Invalid UTF-8 on purpose.
INLINE_CASES.push({ op: 'validateCardList', input: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });

/** Runs cases through the native Go core (go run); returns Buffers. */
export function nativeOutputs(cases) {
  const req = JSON.stringify(cases.map((c) => ({ op: c.op, input: Buffer.from(c.input).toString('base64') })));
  const r = spawnSync(process.env.GO || 'go', ['run', './tests/cmd/nativecall'], {
    cwd: REPO,
    input: req,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`nativecall failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).map((b) => Buffer.from(b, 'base64'));
}

// --- a hand-assembled stand-in module -------------------------------------

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb64(v) {
  const out = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const i32 = (n) => [0x41, ...sleb64(BigInt(n))];
const u32le = (n) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];

export const TINY_OUTPUT = '{"ok":true,"diagnostics":[]}';

/**
 * A module with wxcard's exports and ABI version `abi`: wxcard_call traps
 * (unreachable) on a 4-byte input, writes "boom" to stderr and calls
 * proc_exit(2) on a 5-byte input, and otherwise returns TINY_OUTPUT.
 */
export function tinyWasm({ abi = 1 } = {}) {
  const I = 0x7f;
  const types = [
    [0x60, 0, 0], // 0: () -> ()
    [0x60, 0, 1, I], // 1: () -> i32
    [0x60, 1, I, 1, I], // 2: (i32) -> i32
    [0x60, 1, I, 0], // 3: (i32) -> ()
    [0x60, 4, I, I, I, I, 1, 0x7e], // 4: (i32 x4) -> i64
    [0x60, 4, I, I, I, I, 1, I], // 5: (i32 x4) -> i32
  ];
  const imports = [
    [...str('wasi_snapshot_preview1'), ...str('fd_write'), 0, 5], // func 0
    [...str('wasi_snapshot_preview1'), ...str('proc_exit'), 0, 3], // func 1
  ];
  const funcs = [0, 1, 2, 3, 4]; // funcs 2..6
  const exports = [
    [...str('memory'), 2, 0],
    [...str('_initialize'), 0, 2],
    [...str('wxcard_abi_version'), 0, 3],
    [...str('wxcard_alloc'), 0, 4],
    [...str('wxcard_free'), 0, 5],
    [...str('wxcard_call'), 0, 6],
  ];
  const body = (code) => [...uleb(code.length + 1), 0, ...code];
  const OUT = 256;
  const codes = [
    body([0x0b]),
    body([...i32(abi), 0x0b]),
    // alloc: bump allocator from 1024
    body([0x23, 0, 0x23, 0, 0x20, 0, 0x6a, ...i32(16), 0x6a, 0x24, 0, 0x0b]),
    body([0x0b]),
    body([
      0x20, 3, ...i32(4), 0x46, 0x04, 0x40, 0x00, 0x0b, // if inLen == 4: unreachable
      0x20, 3, ...i32(5), 0x46, 0x04, 0x40, // if inLen == 5:
      ...i32(2), ...i32(64), ...i32(1), ...i32(80), 0x10, 0, 0x1a, // fd_write(2, iov@64, 1, @80)
      ...i32(2), 0x10, 1, // proc_exit(2)
      0x0b,
      0x42, ...sleb64((BigInt(OUT) << 32n) | BigInt(TINY_OUTPUT.length)),
      0x0b,
    ]),
  ];
  const data = [
    [0, ...i32(64), 0x0b, ...uleb(8), ...u32le(96), ...u32le(5)],
    [0, ...i32(96), 0x0b, ...str('boom\n')],
    [0, ...i32(OUT), 0x0b, ...str(TINY_OUTPUT)],
  ];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcs.map((f) => [f]))),
    ...section(5, vec([[0x00, 1]])),
    ...section(6, vec([[I, 1, ...i32(1024), 0x0b]])),
    ...section(7, vec(exports)),
    ...section(10, vec(codes)),
    ...section(11, vec(data)),
  ];
  return new Uint8Array(bytes);
}
