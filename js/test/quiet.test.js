// Importing, initializing and calling print nothing, by package name.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();

test('import + init + call print nothing on stdout or stderr', () => {
  const script = `
    const w = await import('wxcard');
    await w.init();
    const out = w.validateCardList({ cardList: [] });
    if (typeof out.ok !== 'boolean') process.exit(3);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: JS_DIR, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '');
});

test('the browser entry imports cleanly in Node too (no fs needed to load)', () => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./browser.js')"], { cwd: JS_DIR, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr + r.stdout, '');
});
