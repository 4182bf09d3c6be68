// The browser entry in Debian's headless Chromium: a page served from
// 127.0.0.1 imports /js/browser.js, inits from the wasm's URL and runs the
// same vectors and inline cases; outputs must be byte-identical.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.js';
import { REPO, WASM_PATH, readVectors, INLINE_CASES, nativeOutputs, requireWasm, tinyWasm, TINY_OUTPUT, CHROMIUM, CHROMIUM_ARGS, skipWithoutChromium } from './helpers.js';

const skip = skipWithoutChromium('browser tests');

const b64 = (b) => Buffer.from(b).toString('base64');

test('browser entry in headless Chromium gives the same bytes', { skip, timeout: 120_000 }, async (t) => {
  requireWasm();
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing and CI is set: CI must apt-get install chromium`);
  const { chromium } = await import('playwright-core');
  // /js/wxcard.wasm stands where prepack puts the wasm, so the default init() finds it.
  const server = await serve(
    REPO,
    { '/__wxcard_test__.html': '<!doctype html><meta charset="utf-8"><title>wxcard</title>' },
    { '/js/wxcard.wasm': WASM_PATH },
  );
  const profile = mkdtempSync(join(tmpdir(), 'wxcard-chromium-'));
  let context = null;
  t.after(async () => {
    if (context) await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  });
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await context.newPage();
  const pageErrors = [];
  const consoleLines = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The deliberate 404 below is logged by the browser itself.
    if (!/Failed to load resource/.test(m.text())) consoleLines.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`${server.origin}/__wxcard_test__.html`);

  const vectors = readVectors();
  const cases = [...vectors, ...INLINE_CASES];
  const result = await page.evaluate(
    async ({ cases, tiny }) => {
      const dec = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const enc = (b) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
      const w = await import('/js/browser.js');
      const r = {};
      try {
        w.call('validateCardList', '{}');
      } catch (e) {
        r.beforeInit = e.message;
      }
      try {
        await w.init('/wasm/no-such.wasm');
      } catch (e) {
        r.badUrl = e.message;
      }
      await w.init(new URL('/wasm/wxcard.wasm', location.href));
      r.outputs = cases.map((c) => enc(w.callRaw(c.op, dec(c.input))));
      r.object = w.validateCardList({ cardList: [] });
      // Other sources: the default URL next to the module, bytes, a Module, a Response.
      const bytes = new Uint8Array(await (await fetch('/wasm/wxcard.wasm')).arrayBuffer());
      const sources = [undefined, bytes, await WebAssembly.compile(bytes), fetch('/wasm/wxcard.wasm'), { wasm: bytes.buffer }];
      r.sources = [];
      for (const s of sources) {
        const e = w.createWxcard();
        await e.init(s);
        r.sources.push(e.callRawText(cases[0].op, dec(cases[0].input)) === new TextDecoder().decode(w.callRaw(cases[0].op, dec(cases[0].input))));
      }
      try {
        w.callRaw('validateCardList', new Uint8Array(w.MAX_INPUT_BYTES + 1));
      } catch (e) {
        r.overCap = e.name + ': ' + e.message;
      }
      const e2 = w.createWxcard();
      await e2.init(dec(tiny));
      try {
        e2.callRaw('x', 'trap');
      } catch (e) {
        r.trap = e.message;
      }
      r.afterTrap = e2.callRawText('x', '{}');
      return r;
    },
    { cases: cases.map((c) => ({ op: c.op, input: b64(c.input) })), tiny: b64(tinyWasm()) },
  );

  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleLines, [], 'the package prints nothing in the browser');
  assert.deepEqual(result.sources, [true, true, true, true, true]);
  assert.match(result.beforeInit, /not initialized/);
  assert.match(result.badUrl, /HTTP 404/);
  assert.match(result.overCap, /^RangeError: .*16 MiB/);
  assert.match(result.trap, /trapped during x \(unreachable\).*fresh one made/);
  assert.equal(result.afterTrap, TINY_OUTPUT);
  assert.equal(typeof result.object.ok, 'boolean');
  const want = [...vectors.map((v) => v.output), ...nativeOutputs(INLINE_CASES)];
  assert.equal(result.outputs.length, want.length);
  result.outputs.forEach((got, i) => {
    const name = i < vectors.length ? vectors[i].name : `inline ${cases[i].op} #${i - vectors.length}`;
    assert.equal(got, b64(want[i]), `${name}: browser output differs`);
  });
  t.diagnostic(`${vectors.length} vectors and ${INLINE_CASES.length} inline cases byte-identical in Chromium`);
});
