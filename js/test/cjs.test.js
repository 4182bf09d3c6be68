// require('wxcard') as Node 18 and Jest's default setup do it: the
// "require" condition gives the CommonJS build (index.cjs), which must load
// with require(esm) switched off and give the ES module entry's API and bytes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as esm from '../index.js';
import { JS_DIR, readVectors, requireBuilt, INLINE_CASES, WASM_PATH } from './helpers.js';

test('require("wxcard") with --no-experimental-require-module: same API and the same bytes for every vector', async () => {
  requireBuilt();
  await esm.init(WASM_PATH);
  const cases = [...readVectors(), ...INLINE_CASES];
  const input = JSON.stringify(cases.map((c) => ({ op: c.op, input: Buffer.from(c.input).toString('base64') })));
  const r = spawnSync(
    process.execPath,
    ['--no-experimental-require-module', join(JS_DIR, 'test', 'fixtures', 'require-vectors.cjs')],
    { cwd: JS_DIR, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '', 'no warning on stderr');
  const got = JSON.parse(r.stdout);
  assert.ok(got.loaded.includes('index.cjs'), `the CommonJS build was loaded: ${got.loaded.join(', ')}`);
  assert.ok(!got.loaded.includes('core.js'), 'the CommonJS build is self-contained');
  assert.deepEqual(got.api, Object.keys(esm).sort(), 'the same names as the ES module entry');
  assert.deepEqual(got.error, { name: 'WxcardError', isWxcardError: true, isError: true });
  cases.forEach((c, i) => {
    const want = Buffer.from(esm.callRaw(c.op, c.input)).toString('base64');
    assert.equal(got.outputs[i], want, `${c.name || c.op}: CommonJS and ES module outputs differ`);
  });
  assert.ok(cases.length > 100, `ran ${cases.length} cases`);
});
