// Bad use of the package-level API, in a fresh process (node --test runs
// each file in its own): calls before init, a failed init and its retry,
// concurrent init calls.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as wx from '../index.js';
import { requireWasm, tinyWasm } from './helpers.js';

requireWasm();

test('calling before init is a clear error', () => {
  assert.equal(wx.isInitialized(), false);
  assert.throws(() => wx.call('validateCardList', '{}'), (e) => e instanceof wx.WxcardError && /not initialized; call and await init\(\) first/.test(e.message));
  assert.throws(() => wx.validateCardList({ cardList: [] }), /not initialized/);
  assert.throws(() => wx.callRaw('lint', '{}'), /not initialized/);
});

test('wrong wasm bytes reject init, and init can be retried', async () => {
  await assert.rejects(wx.init(new Uint8Array([1, 2, 3, 4])), (e) => e instanceof wx.WxcardError && /not a valid WebAssembly module/.test(e.message));
  assert.equal(wx.isInitialized(), false);
  await assert.rejects(wx.init(tinyWasm({ abi: 7 })), /ABI version 7/);
  await assert.rejects(wx.init('/nonexistent/wxcard.wasm'), /ENOENT/);
  assert.throws(() => wx.call('validateCardList', '{}'), /not initialized/);
});

test('concurrent init calls share one promise; calls work after', async () => {
  const calls = [wx.init(), wx.init(), wx.init()];
  assert.equal(calls[0], calls[1]);
  assert.equal(calls[1], calls[2]);
  assert.throws(() => wx.call('validateCardList', '{}'), /init\(\) has not finished/);
  await Promise.all(calls);
  assert.equal(typeof wx.validateCardList({ cardList: [] }).ok, 'boolean');
  assert.equal(wx.init(), calls[0]);
});
