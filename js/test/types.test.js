// The declared payload types are assignable to miniprogram-api-typings'
// wx.addCard / wx.openCard options, through the ES module types
// (test/types/assign.ts) and the CommonJS ones (test/types/cjs: require
// resolves index.d.cts); @ts-expect-error lines must stay errors.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { JS_DIR, requireBuilt } from './helpers.js';

for (const project of ['types', 'types/cjs']) {
  test(`tsc --noEmit --strict on test/${project}: payload types fit WechatMiniprogram's options`, () => {
    requireBuilt();
    const tsc = join(JS_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(JS_DIR, 'test', project, 'tsconfig.json')], {
      cwd: JS_DIR,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}
