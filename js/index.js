// Node entry: loads wxcard.wasm from disk (never from the network). The
// CommonJS entry (index.cjs) is built from this file by build.mjs.
import { createWxcard as createEngine, WxcardError, MAX_INPUT_BYTES, ABI_VERSION, OPS } from './core.js';

// Packed, the wasm sits next to this file (prepack copies it); in the
// repository it is the committed build at ../wasm/wxcard.wasm. Resolved
// when first needed: URL work at import time is cold-start time.
const wasmUrls = () => [new URL('./wxcard.wasm', import.meta.url), new URL('../wasm/wxcard.wasm', import.meta.url)];

// Node's file functions, fetched when first needed: an ESM import of a
// builtin costs milliseconds of cold start, process.getBuiltinModule
// (Node ≥ 20.16) almost nothing. fs.readFile with a callback reads the
// 2.5 MB module a few milliseconds sooner than fs/promises does.
function nodeFs() {
  if (typeof process.getBuiltinModule === 'function') return Promise.resolve(process.getBuiltinModule('fs'));
  return import('node:fs');
}

function readFile(path) {
  return nodeFs().then(
    (fs) => new Promise((resolve, reject) => fs.readFile(path, (err, data) => (err ? reject(err) : resolve(data)))),
  );
}

async function readDefault() {
  const urls = wasmUrls();
  for (const url of urls) {
    try {
      return await readFile(url);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
  const [packaged, development] = urls.map((u) => decodeURIComponent(u.pathname));
  throw new WxcardError(`wxcard: wxcard.wasm not found at ${packaged} or ${development}; pass its bytes to init()`);
}

const noFetch = () => new WxcardError('wxcard: in Node, init() does not fetch; pass a file path, a file: URL or the bytes');

async function resolve(source) {
  source = await source;
  if (source == null) return readDefault();
  if (typeof source === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith('file:')) throw noFetch();
  if (source instanceof URL || (typeof source === 'string' && source.startsWith('file:'))) {
    const url = new URL(source);
    if (url.protocol !== 'file:') throw noFetch();
    return readFile(url);
  }
  if (typeof source === 'string') return readFile(source);
  if (typeof source.arrayBuffer === 'function') return new Uint8Array(await source.arrayBuffer());
  return source;
}

// Buffer's UTF-8 paths are faster than TextEncoder/TextDecoder in Node
// (where a test environment hides Buffer, the core's defaults serve).
const text =
  typeof Buffer === 'function'
    ? {
        length: (s) => Buffer.byteLength(s, 'utf8'),
        write: (s, buffer, ptr, len) => Buffer.from(buffer, ptr, len).write(s, 0, len, 'utf8'),
        read: (buffer, ptr, len) => Buffer.from(buffer, ptr, len).toString('utf8'),
      }
    : undefined;

// random_get seeds the core's keyed hash (its defence against crafted keys
// that would make the batch rules slow) and the Go runtime's own state. Node
// 20 has the Web Crypto global: the system's cryptographic source, with no
// module to load (its first call costs about 2 ms). Math.random is only the
// fallback of an engine without it.
function getRandomValues(b) {
  const c = globalThis.crypto; // read when first needed: the global loads lazily
  if (c && typeof c.getRandomValues === 'function') {
    c.getRandomValues(b);
    return;
  }
  for (let i = 0; i < b.length; i++) b[i] = (Math.random() * 256) >>> 0;
}

// initSync's sources: the default file, a path or file: URL, or bytes.
function resolveSync(source) {
  const fs = process.getBuiltinModule ? process.getBuiltinModule('fs') : null;
  const need = () => {
    if (!fs) throw new WxcardError('wxcard: initSync() needs Node ≥ 20.16 to read a file; pass the bytes');
    return fs;
  };
  if (source == null) {
    const urls = wasmUrls();
    for (const url of urls) {
      try {
        return need().readFileSync(url);
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
      }
    }
    const [packaged, development] = urls.map((u) => decodeURIComponent(u.pathname));
    throw new WxcardError(`wxcard: wxcard.wasm not found at ${packaged} or ${development}; pass its bytes to initSync()`);
  }
  if (source instanceof URL || typeof source === 'string') {
    if (typeof source === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(source) && !source.startsWith('file:')) throw noFetch();
    return need().readFileSync(typeof source === 'string' && !source.startsWith('file:') ? source : new URL(source));
  }
  return source;
}

const nodePlatform = {
  text,
  resolve,
  resolveSync,
  defaultSource: readDefault,
  getRandomValues,
};

/** An engine of its own (own instance and state), for isolation. */
export function createWxcard() {
  return createEngine(nodePlatform);
}

const engine = createEngine(nodePlatform);

export const {
  init,
  initSync,
  guard,
  isInitialized,
  call,
  callRaw,
  callRawText,
  validateCardList,
  buildAddCard,
  buildOpenCard,
  parseAddCardResult,
  parseActivateUrl,
  validateMemberCardLaunch,
  parseReferrerInfo,
  lint,
} = engine;
export { WxcardError, MAX_INPUT_BYTES, ABI_VERSION, OPS };
