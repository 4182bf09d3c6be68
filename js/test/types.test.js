// The declared payload types are assignable to miniprogram-api-typings'
// wx.addCard / wx.openCard options (tsc --noEmit on test/types/assign.ts).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { JS_DIR } from './helpers.js';

test('tsc --noEmit: payload types fit WechatMiniprogram.AddCardOption and OpenCardOption', () => {
  const tsc = join(JS_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(JS_DIR, 'test', 'types', 'tsconfig.json')], {
    cwd: JS_DIR,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
