// The browser entry through the bundlers js/README.md documents, as an app
// would use them: the package laid out in an app's node_modules as npm
// installs it, bundled by esbuild (the wasm imported as a file) and by Vite
// (the entry's new URL('./wxcard.wasm', import.meta.url), found by Vite
// itself), each bundle served over HTTP and run in headless Chromium, where
// it must answer every vector with native Go's bytes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { serve } from './serve.js';
import { JS_DIR, WASM_PATH, readVectors, requireWasm, CHROMIUM, CHROMIUM_ARGS, skipWithoutChromium } from './helpers.js';

const skip = skipWithoutChromium('bundler tests');

// The app's code. The vectors arrive as base64 in window.__cases; the page
// leaves its outputs (base64) in window.__result.
const RUN_VECTORS = `
const dec = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const enc = (b) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));
async function run(init, callRaw, source) {
  try {
    await init(source);
    const cases = await (await fetch('/cases.json')).json();
    window.__result = { outputs: cases.map((c) => enc(callRaw(c.op, dec(c.input)))) };
  } catch (e) {
    window.__result = { error: String(e && e.stack || e) };
  }
}
`;
const APPS = {
  // esbuild: the documented way, the wasm imported with the file loader.
  esbuild: `import { init, callRaw } from 'wxcard';
import wasmUrl from 'wxcard/wxcard.wasm';
${RUN_VECTORS}
run(init, callRaw, wasmUrl);
`,
  // Vite: a plain init(); Vite emits the asset the entry points at.
  vite: `import { init, callRaw } from 'wxcard';
${RUN_VECTORS}
run(init, callRaw);
`,
};

// The package as npm would install it: the files package.json lists.
function installPackage(app) {
  const pkg = JSON.parse(readFileSync(join(JS_DIR, 'package.json'), 'utf8'));
  const to = join(app, 'node_modules', 'wxcard');
  mkdirSync(to, { recursive: true });
  for (const f of ['package.json', ...pkg.files]) {
    const from = f === 'wxcard.wasm' ? WASM_PATH : join(JS_DIR, f);
    if (existsSync(from)) cpSync(from, join(to, f), { recursive: true });
  }
}

async function bundleEsbuild(app) {
  const out = join(app, 'dist-esbuild');
  await esbuild({
    entryPoints: [join(app, 'esbuild.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outdir: out,
    loader: { '.wasm': 'file' },
    publicPath: '/',
    logLevel: 'silent',
  });
  writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/esbuild.js"></script>');
  return out;
}

async function bundleVite(app) {
  const { build } = await import('vite');
  const out = join(app, 'dist-vite');
  writeFileSync(join(app, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="/vite.js"></script>');
  await build({ root: app, logLevel: 'silent', configFile: false, build: { outDir: out, target: 'es2022' } });
  return out;
}

test('the browser entry bundled by esbuild and by Vite answers every vector in headless Chromium', { skip, timeout: 180_000 }, async (t) => {
  requireWasm();
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing and CI is set: CI must apt-get install chromium`);
  const app = mkdtempSync(join(tmpdir(), 'wxcard-bundle-'));
  t.after(() => rmSync(app, { recursive: true, force: true }));
  installPackage(app);
  for (const [name, code] of Object.entries(APPS)) writeFileSync(join(app, `${name}.js`), code);
  const vectors = readVectors();
  const cases = JSON.stringify(vectors.map((v) => ({ op: v.op, input: v.input.toString('base64') })));

  const bundles = { esbuild: await bundleEsbuild(app), vite: await bundleVite(app) };
  // Each bundler emitted the wasm itself, under a name of its own.
  for (const [name, dir] of Object.entries(bundles)) {
    const emitted = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));
    assert.equal(emitted.length, 1, `${name} emitted one wasm file: ${emitted.join(', ')}`);
  }

  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'wxcard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  t.after(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });
  for (const [name, dir] of Object.entries(bundles)) {
    const server = await serve(dir, { '/cases.json': cases });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => window.__result, null, { timeout: 60_000 });
      const result = await page.evaluate(() => window.__result);
      assert.deepEqual(errors, [], `${name}: page errors`);
      assert.equal(result.error, undefined, `${name}: ${result.error}`);
      assert.equal(result.outputs.length, vectors.length);
      result.outputs.forEach((got, i) => assert.equal(got, vectors[i].output.toString('base64'), `${name}: ${vectors[i].name} differs`));
      await page.close();
    } finally {
      await server.close();
    }
    t.diagnostic(`${name}: ${vectors.length} vectors byte-identical`);
  }
});
