// A stand-in for the mini program JS environment, enough to run a code
// package the way the WeChat client does: each file is a module with its
// own require (relative paths, absolute code-package paths, and bare names
// found under miniprogram_npm/ as 构建 npm lays them out), and the only
// globals are those a mini program has. In particular there is no
// WebAssembly, no URL, TextEncoder/TextDecoder, crypto, performance,
// process, Buffer, fetch or Node require: WXWebAssembly.instantiate takes a
// code-package path (.wasm, or .wasm.br as base library 2.14.0 reads it),
// never bytes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const zlib = require('node:zlib');
const crypto = require('node:crypto');

// What a context made by vm has and a mini program does not.
const ABSENT = ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef'];
// What the host must not leak in; checked after every load.
const NEVER = ['URL', 'TextEncoder', 'TextDecoder', 'crypto', 'performance', 'process', 'Buffer', 'fetch', 'require', 'WebAssembly'];

/**
 * A fresh mini program world over the code package at root.
 * opts.randomValues: false hides wx.getRandomValues (older base libraries).
 */
function createSandbox(root, opts = {}) {
  const calls = { instantiate: [], getRandomValues: 0, addCard: [], console: [] };
  const registered = { app: null, pages: [], components: [] };

  const wxcardHost = {
    instantiate(p, imports) {
      calls.instantiate.push(p);
      if (typeof p !== 'string') {
        return Promise.reject(new Error('WXWebAssembly.instantiate: path must be a string (a code-package path), not bytes'));
      }
      if (!/\.wasm(\.br)?$/.test(p)) return Promise.reject(new Error(`WXWebAssembly.instantiate: ${p} is not a .wasm or .wasm.br file`));
      const file = path.join(root, p.replace(/^\/+/, ''));
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
        return Promise.reject(new Error(`WXWebAssembly.instantiate: ${p} is not in the code package`));
      }
      let bytes = fs.readFileSync(file);
      if (p.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes);
      // Compiled in the mini program's own realm, as WXWebAssembly does:
      // its memory and exports belong to the page's world.
      return innerWasm.instantiate(new Uint8ArrayIn(bytes), imports);
    },
  };

  const wx = {
    getSystemInfoSync: () => ({ platform: 'devtools', language: 'zh_CN', SDKVersion: '3.7.0' }),
    addCard(o) {
      calls.addCard.push(o);
      if (o && typeof o.success === 'function') o.success({ errMsg: 'addCard:ok', cardList: [] });
      if (o && typeof o.complete === 'function') o.complete({ errMsg: 'addCard:ok' });
    },
  };
  if (opts.randomValues !== false) {
    wx.getRandomValues = (o) => {
      calls.getRandomValues++;
      const buf = crypto.randomBytes(o.length);
      const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
      setTimeout(() => o.success({ randomValues: ab, errMsg: 'getRandomValues:ok' }), 0);
    };
  }

  const log = (level) => (...args) => calls.console.push([level, args.map(String).join(' ')]);
  const context = vm.createContext({
    wx,
    WXWebAssembly: { instantiate: (p, i) => wxcardHost.instantiate(p, i) },
    App: (o) => {
      registered.app = o;
    },
    getApp: () => registered.app,
    Page: (o) => registered.pages.push(o),
    Component: (o) => registered.components.push(o),
    console: { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), group: log('group'), groupEnd: log('groupEnd') },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
  });
  // WXWebAssembly is built on the engine's own WebAssembly, which the page
  // itself never sees.
  const innerWasm = vm.runInContext('WebAssembly', context);
  const Uint8ArrayIn = vm.runInContext('Uint8Array', context);
  vm.runInContext(ABSENT.map((n) => `delete globalThis.${n};`).join(''), context);
  for (const n of NEVER) {
    if (vm.runInContext(`typeof ${n}`, context) !== 'undefined') throw new Error(`sandbox: ${n} leaked into the mini program world`);
  }

  const cache = new Map();
  function resolve(from, id) {
    let rel;
    if (id.startsWith('/')) rel = id.slice(1);
    else if (id.startsWith('./') || id.startsWith('../')) rel = path.posix.join(path.posix.dirname(from), id);
    else {
      // A bare name: miniprogram_npm/<name> in the file's folder or any above it.
      for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
        const base = dir === '.' ? '' : dir + '/';
        const cand = `${base}miniprogram_npm/${id}`;
        if (fs.existsSync(path.join(root, cand + '.js')) || fs.existsSync(path.join(root, cand, 'index.js'))) {
          rel = cand;
          break;
        }
        if (dir === '.' || dir === '/') throw new Error(`module "${id}" is not defined (from ${from})`);
      }
    }
    rel = path.posix.normalize(rel);
    for (const cand of [rel, `${rel}.js`, `${rel}/index.js`]) {
      if (!cand.startsWith('..') && fs.existsSync(path.join(root, cand)) && fs.statSync(path.join(root, cand)).isFile()) {
        if (!cand.endsWith('.js')) throw new Error(`module "${id}" is not a .js file (from ${from})`);
        return cand;
      }
    }
    throw new Error(`module "${id}" is not defined (from ${from})`);
  }

  function load(rel) {
    if (cache.has(rel)) return cache.get(rel).exports;
    const module = { exports: {} };
    cache.set(rel, module);
    const code = fs.readFileSync(path.join(root, rel), 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: rel });
    fn((id) => load(resolve(rel, id)), module, module.exports);
    return module.exports;
  }

  // Typed arrays made in the sandbox's realm (the package checks instanceof).
  const bytesIn = (b) => new Uint8ArrayIn(b);

  const run = (code) => vm.runInContext(code, context);
  return { load, require: (id, from = 'app.js') => load(resolve(from, id)), run, context, calls, registered, bytesIn };
}

module.exports = { createSandbox };
