// The packed package works on its own: npm pack (prepack copies the wasm
// in and builds) on a copy of the package, unpack it into an app's
// node_modules, then import and require by name, init from the packaged
// wxcard.wasm and run the bin.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { JS_DIR, REPO, WASM_PATH, requireWasm } from './helpers.js';

const SKIP = new Set(['node_modules', 'test', 'bench', 'testdata', 'wxcard.wasm', 'index.cjs', 'index.d.cts', 'testing.cjs', 'testing.d.cts', 'eslint.cjs', 'eslint.d.cts', 'miniprogram_dist', '.built']);

test('npm pack gives a package that imports, inits from its own wasm and runs its bin', { timeout: 120_000 }, (t) => {
  requireWasm();
  const tmp = mkdtempSync(join(tmpdir(), 'wxcard-pack-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  cpSync(JS_DIR, join(tmp, 'js'), {
    recursive: true,
    filter: (src) => src === JS_DIR || !SKIP.has(relative(JS_DIR, src).split(sep)[0]),
  });
  mkdirSync(join(tmp, 'wasm'));
  cpSync(WASM_PATH, join(tmp, 'wasm', 'wxcard.wasm'));
  cpSync(join(REPO, 'LICENSE'), join(tmp, 'LICENSE'));
  // The copy's build needs esbuild: link the checkout's node_modules.
  symlinkSync(join(JS_DIR, 'node_modules'), join(tmp, 'js', 'node_modules'));

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['pack', '--silent', '--pack-destination', tmp], { cwd: join(tmp, 'js'), encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  assert.ok(tgz, 'a tarball was written');
  assert.ok(!existsSync(join(tmp, 'js', 'wxcard.wasm')), 'postpack removed the copied wasm');
  assert.ok(!existsSync(join(tmp, 'js', 'LICENSE')), 'postpack removed the copied licence');

  const pkg = join(tmp, 'app', 'node_modules', 'wxcard');
  mkdirSync(pkg, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', join(tmp, tgz), '-C', pkg, '--strip-components=1']);
  assert.equal(untar.status, 0, String(untar.stderr));
  const files = readdirSync(pkg).sort();
  assert.deepEqual(
    files,
    [
      'bin', 'browser.js', 'cli.js', 'core.js', 'eslint-rules.json', 'eslint.cjs', 'eslint.d.cts', 'eslint.d.ts', 'eslint.js',
      'guard.js', 'index.cjs', 'index.d.cts', 'index.d.ts', 'index.js', 'LICENSE', 'miniprogram.js', 'miniprogram_dist', 'mock.js',
      'package.json', 'README.md', 'rules.js', 'testing.cjs', 'testing.d.cts', 'testing.d.ts', 'testing.js', 'wxcard.wasm',
    ].sort(),
  );
  assert.deepEqual(readdirSync(join(pkg, 'miniprogram_dist')).sort(), ['index.js', 'testing.js', 'wxcard.wasm.br']);

  // No ../wasm fallback exists here: init must find the packaged file.
  const app = join(tmp, 'app');
  const script = `
    const w = await import('wxcard');
    await w.init();
    const out = w.validateCardList({ cardList: [] });
    if (typeof out.ok !== 'boolean') process.exit(3);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout + r.stderr, '');
  const cjs = `
    const w = require('wxcard');
    if (require.resolve('wxcard') !== require('path').join(${JSON.stringify(pkg)}, 'index.cjs')) process.exit(4);
    w.init().then(() => { if (typeof w.validateCardList({ cardList: [] }).ok !== 'boolean') process.exit(3); });
  `;
  const rc = spawnSync(process.execPath, ['--no-experimental-require-module', '-e', cjs], { cwd: app, encoding: 'utf8' });
  assert.equal(rc.status, 0, rc.stderr);
  assert.equal(rc.stdout + rc.stderr, '');
  // wxcard/eslint by import and by require: the same rules.
  const eslint = `
    const esm = (await import('wxcard/eslint')).default;
    const cjs = (await import('node:module')).createRequire(${JSON.stringify(join(app, 'x.cjs'))})('wxcard/eslint');
    if (Object.keys(esm.rules).join() !== Object.keys(cjs.rules).join() || !cjs.configs.recommended.rules['wxcard/payload']) process.exit(3);
  `;
  const re = spawnSync(process.execPath, ['--input-type=module', '-e', eslint], { cwd: app, encoding: 'utf8' });
  assert.equal(re.status, 0, re.stderr);
  assert.equal(re.stdout + re.stderr, '');

  const bin = spawnSync(process.execPath, [join(pkg, 'bin', 'wxcard.js'), 'run', 'validateCardList'], {
    cwd: app,
    input: '{"payload":{"cardList":[]},"options":{}}',
    encoding: 'utf8',
  });
  assert.equal(bin.status, 0, bin.stderr);
  assert.equal(typeof JSON.parse(bin.stdout).ok, 'boolean');
});
