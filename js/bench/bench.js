// Benchmarks of the npm package (make bench-js). Prints figures; asserts nothing.
//  - cold start: a fresh node process doing import + init + one verdict,
//    as a script (node -e, as the baseline) and as an ES module entry,
//    minus a bare `node -e 0` (medians of interleaved runs); target ≤ 80 ms.
//    and through require() (the CommonJS build); target within 10% of import.
//  - per call: validateCardList on a 10-card payload, against a baseline that
//    validates the same structure with ajv (after JSON.parse of each cardExt).
//  - the mini program build in the sandbox of tests/miniprogram: init to
//    first verdict and per call against the Node entry (target ≤ 1.2×), and
//    its sizes (wxcard.wasm.br ≤ 640 KB).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, mkdtempSync, cpSync, rmSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import Ajv from 'ajv';
import { BR_BUDGET } from '../build.mjs';
import { init, validateCardList, callRaw } from '../index.js';
import { median } from './stats.js';

const JS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const COLD_RUNS = Number(process.env.WXCARD_BENCH_COLD_RUNS || 15);
const COLD_TARGET_MS = 80;


function timeProcess(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: JS_DIR, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

// The same work in the two ways a script runs it: a CommonJS script (what
// `node -e` runs, like the bare baseline) importing the package dynamically,
// and an ES module. Node itself spends ~20 ms more starting an ES module
// entry, before any package code runs: that is measured as its own baseline.
const FIRST_VERDICT = `validateCardList({ cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: '{}' }] })`;
const COLD = {
  script: ['-e', `import('wxcard').then(async ({ init, validateCardList }) => {
    await init();
    if (typeof ${FIRST_VERDICT}.ok !== 'boolean') process.exit(3);
  })`],
  module: ['--input-type=module', '-e', `
    const { init, validateCardList } = await import('wxcard');
    await init();
    if (typeof ${FIRST_VERDICT}.ok !== 'boolean') process.exit(3);
  `],
  require: ['-e', `const { init, validateCardList } = require('wxcard');
    init().then(() => { if (typeof ${FIRST_VERDICT}.ok !== 'boolean') process.exit(3); })`],
  bare: ['-e', '0'],
  bareModule: ['--input-type=module', '-e', '0'],
};

function coldStart() {
  const runs = Object.fromEntries(Object.keys(COLD).map((k) => [k, []]));
  for (const args of Object.values(COLD)) timeProcess(args); // warm the file cache
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [k, args] of Object.entries(COLD)) runs[k].push(timeProcess(args));
  }
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
}

function payload(n) {
  const cardList = [];
  for (let i = 0; i < n; i++) {
    const ext = {
      code: String(100000000000 + i),
      openid: 'oFS7Fjl0WsZ9AMZqrI80nbIq8xrA',
      timestamp: 1700000000 + i,
      nonce_str: `n0nce${String(i).padStart(6, '0')}Ab`,
      signature: (i.toString(16).padStart(8, '0') + 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c').slice(0, 40),
    };
    cardList.push({ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: JSON.stringify(ext) });
  }
  return { cardList };
}

function ajvBaseline() {
  const ajv = new Ajv({ allErrors: true });
  const list = ajv.compile({
    type: 'object',
    required: ['cardList'],
    properties: {
      cardList: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['cardId', 'cardExt'],
          properties: {
            cardId: { type: 'string', pattern: '^p[A-Za-z0-9_-]{26,31}$' },
            cardExt: { type: 'string' },
          },
        },
      },
    },
  });
  const ext = ajv.compile({
    type: 'object',
    required: ['timestamp', 'signature'],
    properties: {
      code: { type: 'string', maxLength: 20, pattern: '^[A-Za-z0-9]*$' },
      openid: { type: 'string' },
      timestamp: { anyOf: [{ type: 'integer', maximum: 999999999999 }, { type: 'string', pattern: '^[0-9]+$' }] },
      nonce_str: { type: 'string', maxLength: 32, pattern: '^[A-Za-z0-9]*$' },
      fixed_begintimestamp: { type: 'integer' },
      outer_str: { type: 'string' },
      signature: { type: 'string', pattern: '^[0-9a-fA-F]{40}$' },
    },
    additionalProperties: false,
  });
  return (p) => {
    let ok = list(p);
    if (ok) for (const c of p.cardList) ok = ext(JSON.parse(c.cardExt)) && ok;
    return ok;
  };
}

// Microseconds per call of each contender: after a warm-up, rounds of about
// `ms` milliseconds each, contenders interleaved, median round per contender
// (the machine may be shared; interleaving spreads the noise evenly).
function perCall(fns, rounds = 9, ms = 200) {
  for (const fn of Object.values(fns)) for (let i = 0; i < 2000; i++) fn();
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of Object.entries(fns)) {
      let n = 0;
      let elapsed = 0;
      const t0 = process.hrtime.bigint();
      while (elapsed < ms * 1e6) {
        for (let i = 0; i < 50; i++) fn();
        n += 50;
        elapsed = Number(process.hrtime.bigint() - t0);
      }
      samples[k].push(elapsed / n / 1000);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

const fmt = (x, d = 1) => x.toFixed(d);

async function miniprogramBench(payload) {
  const dist = join(JS_DIR, 'miniprogram_dist');
  const sandboxJs = join(JS_DIR, '..', 'tests', 'miniprogram', 'test', 'sandbox.js');
  if (!existsSync(join(dist, 'index.js'))) {
    console.log('mini program build: not built (make js-build); skipped');
    return null;
  }
  const root = mkdtempSync(join(tmpdir(), 'wxcard-bench-mp-'));
  cpSync(dist, join(root, 'miniprogram_npm', 'wxcard'), { recursive: true });
  const { createSandbox } = createRequire(import.meta.url)(sandboxJs);
  const sb = createSandbox(root);
  const t0 = process.hrtime.bigint();
  const w = sb.require('wxcard');
  await w.init();
  // The payload is made in the sandbox's realm, as the page would make it.
  const inner = sb.run('JSON').parse(JSON.stringify(payload));
  w.validateCardList(inner);
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  rmSync(root, { recursive: true, force: true });
  // The guard on a 10-card wx.addCard: a stub that answers at once, called
  // directly and through the guard.
  const wx = sb.run('wx');
  sb.run('wx.addCard = function (o) { return o; }');
  const stub = wx.addCard;
  const args = sb.run('JSON').parse(JSON.stringify(payload));
  w.guard(wx, { now: 1700000005, onReport: () => {} }); // the payload's time: no skew warnings
  return {
    initMs,
    call: () => w.validateCardList(inner),
    unguarded: () => stub.call(wx, args),
    guarded: () => wx.addCard(args),
  };
}

function printSizes() {
  const dist = join(JS_DIR, 'miniprogram_dist');
  if (!existsSync(join(dist, 'index.js'))) return;
  const entry = readFileSync(join(dist, 'index.js'));
  const min = buildSync({ stdin: { contents: entry.toString('utf8') }, minify: true, write: false, format: 'cjs' }).outputFiles[0].contents;
  console.log(
    `mini program build: wxcard.wasm.br ${statSync(join(dist, 'wxcard.wasm.br')).size} bytes (budget ≤ ${BR_BUDGET}); ` +
      `entry ${entry.length} bytes, ${min.length} minified, ${gzipSync(min, { level: 9 }).length} minified+gzip`,
  );
}

const cold = coldStart();
const coldMs = cold.script - cold.bare;
console.log(
  `cold start (import + init + first verdict) minus bare node: ${fmt(coldMs)} ms ` +
    `(node -e 0 ${fmt(cold.bare)} ms, ours ${fmt(cold.script)} ms; medians of ${COLD_RUNS}; ` +
    `${fmt(cold.script / cold.bare, 2)}× bare node; target ≤ ${COLD_TARGET_MS} ms: ${coldMs <= COLD_TARGET_MS ? 'met' : 'MISSED'})`,
);
console.log(
  `  as an ES module entry: ${fmt(cold.module - cold.bare)} ms beyond node -e 0, ` +
    `of which Node's own ES module start-up (--input-type=module -e 0): ${fmt(cold.bareModule - cold.bare)} ms`,
);
const requireMs = cold.require - cold.bare;
console.log(
  `  through require() (the CommonJS build): ${fmt(requireMs)} ms beyond node -e 0, ` +
    `${fmt(requireMs / coldMs, 2)}× the import() figure (target ≤ 1.10×: ${requireMs <= coldMs * 1.1 ? 'met' : 'MISSED'})`,
);

await init();
const p = payload(10);
const raw = Buffer.from(JSON.stringify({ payload: p, options: {} }));
const baseline = ajvBaseline();
if (!baseline(p)) throw new Error('the baseline rejects the benchmark payload');
const { ours, oursRaw, theirs } = perCall({
  ours: () => validateCardList(p),
  oursRaw: () => callRaw('validateCardList', raw),
  theirs: () => baseline(p),
});
console.log(`validateCardList, 10 cards: ${fmt(ours, 2)} µs/call (raw bytes in and out: ${fmt(oursRaw, 2)} µs/call)`);
console.log(`baseline ajv (structure + JSON.parse of each cardExt): ${fmt(theirs, 2)} µs/call`);
console.log(`ratio ours / ajv: ${fmt(ours / theirs, 2)}× (raw: ${fmt(oursRaw / theirs, 2)}×)`);

// The mini program build in the sandbox of tests/miniprogram (only what a
// mini program offers; WXWebAssembly reads the .br), against the Node entry
// in this run: init to first verdict, and per call.
const sandboxBench = await miniprogramBench(p);
if (sandboxBench) {
  // Paired rounds, the median of the per-round ratios: a burst of load on a
  // shared machine then moves both sides of a pair, not one.
  const pairs = [];
  for (let r = 0; r < 15; r++) {
    const m = perCall({ node: () => validateCardList(p), miniprogram: () => sandboxBench.call() }, 1, 150);
    pairs.push(m);
  }
  const ratio = median(pairs.map((m) => m.miniprogram / m.node));
  console.log(
    `mini program build in the sandbox: init to first verdict ${fmt(sandboxBench.initMs)} ms; ` +
      `validateCardList, 10 cards: ${fmt(median(pairs.map((m) => m.miniprogram)), 2)} µs/call vs the Node entry's ` +
      `${fmt(median(pairs.map((m) => m.node)), 2)} µs/call: ${fmt(ratio, 2)}× (median of 15 paired rounds; ` +
      `target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'MISSED'})`,
  );
}
if (sandboxBench) {
  const m = perCall({ unguarded: sandboxBench.unguarded, guarded: sandboxBench.guarded });
  console.log(
    `dev guard, wx.addCard of 10 cards in the sandbox: ${fmt(m.guarded, 2)} µs/call guarded vs ${fmt(m.unguarded, 3)} µs ` +
      `for the stub alone: ${fmt(m.guarded / m.unguarded, 0)}×, the check adds ${fmt(m.guarded - m.unguarded, 1)} µs ` +
      `(target < 1000 µs: ${m.guarded - m.unguarded < 1000 ? 'met' : 'MISSED'})`,
  );
}
printSizes();

// Native Go on the same request bytes, in this run (go run: the module root
// is the repository).
const native = spawnSync('go', ['run', './tests/cmd/nativebench', 'validateCardList'], {
  cwd: join(JS_DIR, '..'),
  input: raw,
  encoding: 'utf8',
});
if (native.status !== 0) throw new Error(`native benchmark failed: ${native.stderr}`);
const nativeUs = Number(native.stdout.trim());
console.log(
  `native Go card.Call, same request: ${fmt(nativeUs, 2)} µs/call; wasm in Node / native: ${fmt(ours / nativeUs, 2)}× ` +
    `(raw: ${fmt(oursRaw / nativeUs, 2)}×; target ≤ 3×)`,
);
