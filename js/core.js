// The platform-neutral half of the package: the WASI imports the guest needs,
// instance management (init, trap recovery) and the byte-moving call. The
// Node and browser entries only differ in how they find the wasm bytes.
import { makeGuard } from './guard.js';

/** Inputs larger than this are refused before they enter the module. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const MAX_OP_BYTES = 4096;
// The guest block for op and input: at least this big, and kept between
// calls up to KEEP_BLOCK_BYTES (a rare huge input's block is freed after its call).
const MIN_BLOCK_BYTES = 64 * 1024;
const KEEP_BLOCK_BYTES = 1024 * 1024;

/** The module ABI this shim speaks (wasm/guest: abiVersion). */
export const ABI_VERSION = 1;

/** Every operation of the core, by the name all runtimes use. */
export const OPS = Object.freeze([
  'validateCardList',
  'buildAddCard',
  'buildOpenCard',
  'parseAddCardResult',
  'parseActivateUrl',
  'validateMemberCardLaunch',
  'parseReferrerInfo',
  'lint',
]);

// Errors are made without class syntax: the devtools' ES6→ES5 transform
// (Babel 6) compiles `class X extends Error` into a constructor whose
// instances are plain Errors, so instanceof and name would break there.
function errorType(name) {
  function E(message, options) {
    if (!(this instanceof E)) return new E(message, options);
    Object.defineProperty(this, 'message', { value: message, writable: true, configurable: true });
    if (options && 'cause' in options) {
      Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    }
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, E);
    else Object.defineProperty(this, 'stack', { value: `${name}: ${message}`, writable: true, configurable: true });
  }
  E.prototype = Object.create(Error.prototype, {
    constructor: { value: E, writable: true, configurable: true },
    name: { value: name, writable: true, configurable: true },
  });
  return E;
}

/** Thrown for every misuse or failure of the package itself. */
export const WxcardError = errorType('WxcardError');

// Raised by proc_exit: the guest runtime gave up (a Go panic or fatal error).
const GuestExit = errorType('GuestExit');
const guestExit = (code) => {
  const e = new GuestExit(`the module exited with status ${code}`);
  e.code = code;
  return e;
};

const WASI = 'wasi_snapshot_preview1';
const ESUCCESS = 0;
const EBADF = 8;
const ENOSYS = 52;
const STDERR_KEEP = 8192;

// Every preview1 function, so an instantiate function that cannot list a
// module's imports (WXWebAssembly) still gets a complete import object.
const WASI_FUNCS = [
  'args_get', 'args_sizes_get', 'environ_get', 'environ_sizes_get', 'clock_res_get', 'clock_time_get',
  'fd_advise', 'fd_allocate', 'fd_close', 'fd_datasync', 'fd_fdstat_get', 'fd_fdstat_set_flags',
  'fd_fdstat_set_rights', 'fd_filestat_get', 'fd_filestat_set_size', 'fd_filestat_set_times', 'fd_pread',
  'fd_prestat_get', 'fd_prestat_dir_name', 'fd_pwrite', 'fd_read', 'fd_readdir', 'fd_renumber', 'fd_seek',
  'fd_sync', 'fd_tell', 'fd_write', 'path_create_directory', 'path_filestat_get', 'path_filestat_set_times',
  'path_link', 'path_open', 'path_readlink', 'path_remove_directory', 'path_rename', 'path_symlink',
  'path_unlink_file', 'poll_oneoff', 'proc_exit', 'proc_raise', 'sched_yield', 'random_get', 'sock_accept',
  'sock_recv', 'sock_send', 'sock_shutdown',
];

const EXPORTS = ['_initialize', 'wxcard_abi_version', 'wxcard_alloc', 'wxcard_free', 'wxcard_call'];

const TWO32 = 4294967296;

// Builtins the per-call path uses, read once: where the global object is
// slow to consult (a vm context, some embedded engines) each lookup costs.
const U8 = Uint8Array;
const U32 = Uint32Array;
// Wasm memory is little-endian; a Uint32Array store is in the host's order.
const LITTLE_ENDIAN = new U8(new U32([1]).buffer)[0] === 1;
const AB = ArrayBuffer;
const isView = ArrayBuffer.isView;
const toNumber = Number;
const fromCharCode = String.fromCharCode;
const fromCodePoint = String.fromCodePoint;
const jsonParse = JSON.parse;
const jsonStringify = JSON.stringify;
const BigIntFn = typeof BigInt === 'function' ? BigInt : null;
// BigInt(…) calls, not literals: the devtools' ES6→ES5 transform rejects
// 32n. Guarded, so an engine without BigInt can still load this file.
const B32 = BigIntFn ? BigIntFn(32) : 0;
const MASK32 = BigIntFn ? BigIntFn(0xffffffff) : 0;

// A little-endian u64 from two 32-bit halves (DataView's BigInt setters
// would need BigInt values, and older engines lack them).
function setU64(v, ptr, hi, lo) {
  v.setUint32(ptr, lo >>> 0, true);
  v.setUint32(ptr + 4, hi >>> 0, true);
}

/**
 * us microseconds as nanoseconds in two 32-bit words, without BigInt: every
 * partial product stays an exact double (us below 2^53).
 */
export function nanoWords(us) {
  const lo = (us % TWO32) * 1000;
  return { hi: (Math.floor(us / TWO32) * 1000 + Math.floor(lo / TWO32)) >>> 0, lo: lo % TWO32 };
}

function nowMicros() {
  const p = typeof performance !== 'undefined' ? performance : undefined;
  if (p && typeof p.now === 'function' && typeof p.timeOrigin === 'number') {
    return { real: Math.round((p.timeOrigin + p.now()) * 1000), mono: Math.round(p.now() * 1000) };
  }
  const t = Date.now() * 1000;
  return { real: t, mono: t };
}

// One instance's WASI world: no files, no arguments, no environment; real
// clocks; stdout and stderr captured (the tail is kept for error messages).
function makeImports(getRandomValues) {
  const state = { memory: null, out: '' };
  const dv = () => new DataView(state.memory.buffer);
  const noEntries = (countPtr, sizePtr) => {
    const v = dv();
    v.setUint32(countPtr, 0, true);
    v.setUint32(sizePtr, 0, true);
    return ESUCCESS;
  };
  const known = {
    args_sizes_get: noEntries,
    environ_sizes_get: noEntries,
    // Each function declares as many parameters as its import has: V8
    // compiles one more wrapper (TurboFan, at instantiation) for an arity
    // mismatch.
    args_get: (_argv, _buf) => ESUCCESS,
    environ_get: (_environ, _buf) => ESUCCESS,
    sched_yield: () => ESUCCESS,
    clock_res_get(_id, resPtr) {
      setU64(dv(), resPtr, 0, 1000);
      return ESUCCESS;
    },
    clock_time_get(id, _precision, resPtr) {
      const t = nowMicros();
      const w = nanoWords(id === 0 ? t.real : t.mono);
      setU64(dv(), resPtr, w.hi, w.lo);
      return ESUCCESS;
    },
    random_get(ptr, len) {
      for (let off = 0; off < len; off += 65536) {
        getRandomValues(new Uint8Array(state.memory.buffer, ptr + off, Math.min(65536, len - off)));
      }
      return ESUCCESS;
    },
    fd_write(fd, iovs, iovsLen, nwrittenPtr) {
      if (fd !== 1 && fd !== 2) return EBADF;
      const v = dv();
      const mem = new Uint8Array(state.memory.buffer);
      let n = 0;
      for (let i = 0; i < iovsLen; i++) {
        const p = v.getUint32(iovs + i * 8, true);
        const l = v.getUint32(iovs + i * 8 + 4, true);
        state.out = (state.out + utf8Decode(mem.subarray(p, p + l))).slice(-STDERR_KEEP);
        n += l;
      }
      v.setUint32(nwrittenPtr, n, true);
      return ESUCCESS;
    },
    proc_exit(code) {
      throw guestExit(code);
    },
    // The guest only sleeps on timers; report every clock subscription as
    // due at once (the runtime re-checks its clock) and every fd as bad.
    poll_oneoff(inPtr, outPtr, nsubs, neventsPtr) {
      const v = dv();
      for (let i = 0; i < nsubs; i++) {
        const s = inPtr + i * 48;
        const e = outPtr + i * 32;
        const tag = v.getUint8(s + 8);
        v.setUint32(e, v.getUint32(s, true), true);
        v.setUint32(e + 4, v.getUint32(s + 4, true), true);
        v.setUint16(e + 8, tag === 0 ? ESUCCESS : EBADF, true);
        v.setUint8(e + 10, tag);
        setU64(v, e + 16, 0, 0);
        v.setUint16(e + 24, 0, true);
      }
      v.setUint32(neventsPtr, nsubs, true);
      return ESUCCESS;
    },
  };
  const wasi = {};
  for (const name of WASI_FUNCS) {
    wasi[name] = known[name] || (name.startsWith('fd_') ? () => EBADF : () => ENOSYS);
  }
  return { state, object: { [WASI]: wasi } };
}

const hasWasm = () => typeof WebAssembly !== 'undefined';

function checkImports(module) {
  if (!hasWasm() || !(module instanceof WebAssembly.Module)) return;
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module !== WASI || imp.kind !== 'function' || !WASI_FUNCS.includes(imp.name)) {
      throw new WxcardError(`wxcard: the module imports ${imp.module}.${imp.name}, which this package does not provide`);
    }
  }
}

// Wires an instantiated module to its imports and runs the reactor's
// initializer; throws WxcardError if it is not a wxcard module.
function adopt(instance, imports) {
  const ex = instance && instance.exports;
  if (!ex) throw new WxcardError('wxcard: instantiation gave no instance');
  for (const name of EXPORTS) {
    if (typeof ex[name] !== 'function') {
      throw new WxcardError(`wxcard: not a wxcard module (no export ${name})`);
    }
  }
  if (!ex.memory || !ex.memory.buffer) throw new WxcardError('wxcard: not a wxcard module (no exported memory)');
  imports.state.memory = ex.memory;
  try {
    ex._initialize();
  } catch (err) {
    throw new WxcardError(`wxcard: the module failed to initialize: ${describe(err, imports.state)}`, { cause: err });
  }
  const v = ex.wxcard_abi_version();
  if (v !== ABI_VERSION) {
    throw new WxcardError(`wxcard: the module speaks ABI version ${v}; this package needs ${ABI_VERSION}`);
  }
  // block: one guest block reused by every call that fits (see invoke).
  return { ex, memory: ex.memory, state: imports.state, block: 0, blockCap: 0 };
}

function describe(err, state) {
  const msg = err && err.message ? err.message : String(err);
  const out = state && state.out.trim();
  return out ? `${msg}; module output: ${out.slice(-2000)}` : msg;
}

// UTF-8 without relying on TextEncoder/TextDecoder being present (some
// mini program engines lack them).
const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;
const decoder = typeof TextDecoder !== 'undefined' ? new TextDecoder() : null;

export function utf8Encode(s) {
  return encoder ? encoder.encode(s) : utf8EncodeJS(s);
}

export function utf8Decode(b) {
  return decoder ? decoder.decode(b) : utf8DecodeJS(b);
}

/** UTF-8 encoding in plain JS; lone surrogates become U+FFFD. */
export function utf8EncodeJS(s) {
  const out = new U8(utf8Length(s));
  utf8EncodeInto(s, out, 0);
  return out;
}

// Writes s as UTF-8 into dst from at; returns the bytes written. dst must
// have room (utf8Length(s) bytes).
export function utf8EncodeInto(s, dst, at) {
  const n = s.length;
  // The ASCII prefix (in JSON text usually everything) in the tightest
  // loop: four units to one 32-bit store where dst is aligned for it.
  let i = 0;
  if (LITTLE_ENDIAN && ((dst.byteOffset + at) & 3) === 0) {
    const words = new U32(dst.buffer, dst.byteOffset + at, (dst.length - at) >> 2);
    const n4 = n & ~3;
    for (; i < n4; i += 4) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 1);
      const c = s.charCodeAt(i + 2);
      const d = s.charCodeAt(i + 3);
      if ((a | b | c | d) >= 0x80) break;
      words[i >> 2] = a | (b << 8) | (c << 16) | (d << 24);
    }
  }
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    dst[at + i] = c;
  }
  let j = at + i;
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      dst[j++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x800) {
      dst[j++] = 0xc0 | (c >> 6);
      dst[j++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      dst[j++] = 0xe0 | (c >> 12);
      dst[j++] = 0x80 | ((c >> 6) & 63);
      dst[j++] = 0x80 | (c & 63);
    } else {
      dst[j++] = 0xf0 | (c >> 18);
      dst[j++] = 0x80 | ((c >> 12) & 63);
      dst[j++] = 0x80 | ((c >> 6) & 63);
      dst[j++] = 0x80 | (c & 63);
    }
  }
  return j - at;
}

/** UTF-8 decoding in plain JS; each maximal invalid subpart becomes one U+FFFD (as TextDecoder does). */
export function utf8DecodeJS(b) {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      // A run of ASCII at once: one string per run, not one per byte.
      let k = i + 1;
      const end = b.length < i + 8192 ? b.length : i + 8192;
      while (k < end && b[k] < 0x80) k++;
      s += fromCharCode.apply(null, b.subarray(i, k));
      i = k;
      continue;
    }
    let need;
    let lo = 0x80;
    let hi = 0xbf;
    let cp;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      s += '\ufffd';
      i++;
      continue;
    }
    let k = 1;
    for (; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < lo || d > hi) break;
      cp = (cp << 6) | (d & 0x3f);
      lo = 0x80;
      hi = 0xbf;
    }
    if (k <= need) {
      s += '\ufffd';
      i += k;
      continue;
    }
    s += fromCodePoint(cp);
    i += need + 1;
  }
  return s;
}

function tooBig(n) {
  return new RangeError(
    `wxcard: input is ${n} bytes, over the ${MAX_INPUT_BYTES}-byte (16 MiB) limit of this package; it was not sent to the module`,
  );
}

// Request input → bytes or text. Bytes pass through untouched; a string is
// the request's JSON text; anything else is serialized with JSON.stringify.
function inputValue(input) {
  if (input instanceof U8) return input;
  if (input instanceof AB) return new U8(input);
  if (isView(input)) return new U8(input.buffer, input.byteOffset, input.byteLength);
  let text = input;
  if (typeof input !== 'string') {
    text = jsonStringify(input);
    if (typeof text !== 'string') {
      throw new TypeError('wxcard: input must be a request object, its JSON text, or bytes');
    }
  }
  // A UTF-16 length over the cap means the UTF-8 form is over it too.
  if (text.length > MAX_INPUT_BYTES) throw tooBig(text.length);
  return text;
}

/** UTF-8 length of a string, lone surrogates counting as U+FFFD (3 bytes). */
export function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

// Default text moves between JS strings and wasm memory; the Node entry
// substitutes Buffer-based ones.
const defaultText = {
  length: utf8Length,
  write(s, buffer, ptr, len) {
    const dst = new U8(buffer, ptr, len);
    if (encoder && encoder.encodeInto) encoder.encodeInto(s, dst);
    else utf8EncodeInto(s, dst, 0);
  },
  read: (buffer, ptr, len) => utf8Decode(new U8(buffer, ptr, len)),
  // Writes s at ptr, where 3 bytes per UTF-16 unit are free; returns the length.
  writeMax(s, buffer, ptr) {
    const dst = new U8(buffer, ptr, s.length * 3);
    return encoder && encoder.encodeInto ? encoder.encodeInto(s, dst).written : utf8EncodeInto(s, dst, 0);
  },
};

// The ops' names, encoded once.
const OP_BYTES = new Map(OPS.map((op) => [op, utf8Encode(op)]));

function opBytes(op) {
  if (typeof op === 'string') return OP_BYTES.get(op) || utf8Encode(op);
  if (op instanceof U8) return op;
  throw new TypeError('wxcard: op must be a string (one of ' + OPS.join(', ') + ')');
}

function isSource(x) {
  return (
    x == null ||
    typeof x === 'string' ||
    x instanceof ArrayBuffer ||
    ArrayBuffer.isView(x) ||
    (typeof URL !== 'undefined' && x instanceof URL) ||
    (hasWasm() && x instanceof WebAssembly.Module) ||
    typeof x.then === 'function' ||
    typeof x.arrayBuffer === 'function'
  );
}

/**
 * Creates an independent wxcard engine. platform.resolve(source) turns an
 * init source (undefined for the default) into bytes or a WebAssembly.Module;
 * platform.getRandomValues fills a Uint8Array; platform.text optionally
 * replaces defaultText (UTF-8 length, write into and read from memory).
 */
export function createWxcard(platform) {
  const text = platform.text || defaultText;
  let module = null; // the compiled module, kept to re-instantiate after a trap
  let injected = null; // { instantiate, source } when an instantiate function drives loading
  let inst = null; // { ex, memory, state }
  let pending = null; // the promise init() hands out
  let recovery = null; // error explaining why there is no instance right now

  // No async functions in this file: the mini program build runs it after
  // the devtools' ES6→ES5 transform, whose output of one needs a global
  // regeneratorRuntime that mini programs lack. Promise chains instead.
  function instantiate() {
    const imports = makeImports(platform.getRandomValues);
    if (injected) {
      const { instantiate: fn, source } = injected;
      return new Promise((resolve) => resolve(fn(source, imports.object))).then((r) =>
        adopt(r && r.instance ? r.instance : r, imports),
      );
    }
    return WebAssembly.instantiate(module, imports.object).then((instance) => adopt(instance, imports));
  }

  function compile(source) {
    if (!hasWasm()) {
      throw new WxcardError('wxcard: no WebAssembly here; pass init({ instantiate, wasm })');
    }
    return Promise.resolve(platform.resolve(source)).then((compiled) => {
      if (compiled instanceof WebAssembly.Module) return compiled;
      return WebAssembly.compile(compiled).then(null, (err) => {
        throw new WxcardError(`wxcard: the given bytes are not a valid WebAssembly module: ${err.message}`, { cause: err });
      });
    });
  }

  function load(opts) {
    let source = opts;
    let instantiateFn = null;
    if (opts != null && !isSource(opts)) {
      if (typeof opts !== 'object') throw new TypeError('wxcard: init() takes wasm bytes, a URL, a WebAssembly.Module or options');
      source = opts.wasm;
      instantiateFn = opts.instantiate || null;
      if (instantiateFn !== null && typeof instantiateFn !== 'function') {
        throw new TypeError('wxcard: init({instantiate}) must be a function (bytesOrPath, imports) => Promise<{instance}>');
      }
    }
    // A platform may bring its own instantiate function (a mini program's
    // WXWebAssembly.instantiate) for init() and init(path).
    if (!instantiateFn && (source == null || typeof source === 'string') && platform.defaultInstantiate) {
      instantiateFn = platform.defaultInstantiate();
    }
    const loaded = Promise.resolve(platform.prepare ? platform.prepare() : undefined).then(() => {
      if (instantiateFn) {
        return Promise.resolve(source == null && platform.defaultSource ? platform.defaultSource() : source).then((src) => {
          injected = { instantiate: instantiateFn, source: src };
          module = null;
        });
      }
      return compile(source).then((compiled) => {
        checkImports(compiled);
        injected = null;
        module = compiled;
      });
    });
    return loaded
      .then(instantiate)
      .then((i) => {
        inst = i;
        recovery = null;
      });
  }

  function init(opts) {
    if (pending) return pending;
    // A re-instantiation after a trap failed: retry from what was loaded.
    // Inside a promise, so a synchronous throw rejects as it would in an async function.
    const job = new Promise((resolve) => {
      resolve(opts == null && (module || injected) ? instantiate().then((i) => { inst = i; recovery = null; }) : load(opts));
    });
    pending = job.then(
      () => undefined,
      (err) => {
        pending = null;
        inst = null;
        if (opts != null || !(module || injected)) {
          module = null;
          injected = null;
        }
        throw err;
      },
    );
    return pending;
  }

  // Synchronous loading, for hosts whose callers cannot wait (ESLint rules):
  // bytes or a compiled module, compiled and instantiated on this thread.
  // Node allows a module of any size this way; browsers limit it to 8 MB of
  // code on the main thread, and mini programs have no WebAssembly global.
  function initSync(source) {
    if (inst) return;
    if (!hasWasm()) throw new WxcardError('wxcard: no WebAssembly here; initSync needs the WebAssembly global');
    const bytes = platform.resolveSync ? platform.resolveSync(source) : source;
    let compiled = bytes;
    if (!(bytes instanceof WebAssembly.Module)) {
      if (!(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))) {
        throw new TypeError('wxcard: initSync() takes the wasm bytes or a WebAssembly.Module');
      }
      try {
        compiled = new WebAssembly.Module(bytes);
      } catch (err) {
        throw new WxcardError(`wxcard: the given bytes are not a valid WebAssembly module: ${err.message}`, { cause: err });
      }
    }
    checkImports(compiled);
    const imports = makeImports(platform.getRandomValues);
    const i = adopt(new WebAssembly.Instance(compiled, imports.object), imports);
    module = compiled;
    injected = null;
    inst = i;
    recovery = null;
    pending = Promise.resolve();
  }

  // After a trap the instance's memory is suspect: drop it and build a new
  // one from the same compiled module, synchronously where the platform
  // allows, else in the background (calls then say to await init()). An
  // injected instantiate function is always asked again (it may wrap).
  function discard(cause) {
    inst = null;
    if (module && !injected) {
      try {
        const imports = makeImports(platform.getRandomValues);
        inst = adopt(new WebAssembly.Instance(module, imports.object), imports);
        return;
      } catch (_err) {
        // Fall through to asynchronous re-instantiation.
      }
    }
    recovery = new WxcardError('wxcard: the module is being re-instantiated after a trap; await init() before calling again', { cause });
    const p = instantiate().then(
      (i) => {
        inst = i;
        recovery = null;
      },
      (err) => {
        pending = null;
        recovery = null;
        throw new WxcardError(`wxcard: could not re-instantiate the module: ${err.message}`, { cause: err });
      },
    );
    p.catch(() => {});
    pending = p;
  }

  function ready() {
    if (inst) return inst;
    if (recovery) throw recovery;
    if (pending) throw new WxcardError('wxcard: init() has not finished; await init() before calling');
    throw new WxcardError('wxcard: not initialized; call and await init() first');
  }

  // Moves op and input into the module, runs op and hands the output span
  // to take(buffer, ptr, len) before anything else can touch it.
  function invoke(op, input, take) {
    const cur = ready();
    const ob = opBytes(op);
    if (ob.length > MAX_OP_BYTES) throw new RangeError(`wxcard: op name is ${ob.length} bytes; no op is longer than ${MAX_OP_BYTES}`);
    const iv = inputValue(input);
    const isText = typeof iv === 'string';
    // Text short enough to fit a kept block at 3 bytes per UTF-16 unit is
    // written in one pass, its length known afterwards; other text is
    // measured first (a pass of its own in plain JS).
    const onePass = isText && text.writeMax && iv.length * 3 <= KEEP_BLOCK_BYTES;
    let inLen = onePass ? -1 : isText ? text.length(iv) : iv.length;
    if (inLen > MAX_INPUT_BYTES) throw tooBig(inLen);
    const { ex, memory, state } = cur;
    let ptr;
    let len;
    try {
      // Op and input share one block, kept for the next call when it is not
      // too big: most calls then cost the module no allocation (as the Go
      // host does).
      const need = ob.length + (onePass ? iv.length * 3 : inLen);
      if (cur.blockCap < need) {
        if (cur.block) ex.wxcard_free(cur.block);
        cur.block = 0;
        cur.blockCap = 0;
        const cap = need <= KEEP_BLOCK_BYTES ? (need > MIN_BLOCK_BYTES ? need : MIN_BLOCK_BYTES) : need;
        cur.block = ex.wxcard_alloc(cap) >>> 0;
        cur.blockCap = cap;
      }
      const opPtr = cur.block;
      const inPtr = opPtr + ob.length;
      const mem = new U8(memory.buffer);
      mem.set(ob, opPtr);
      if (onePass) inLen = text.writeMax(iv, memory.buffer, inPtr);
      else if (isText) text.write(iv, memory.buffer, inPtr, inLen);
      else mem.set(iv, inPtr);
      const r = BigIntFn.asUintN(64, BigIntFn(ex.wxcard_call(opPtr, ob.length, inPtr, inLen)));
      if (cur.blockCap > KEEP_BLOCK_BYTES) {
        ex.wxcard_free(cur.block);
        cur.block = 0;
        cur.blockCap = 0;
      }
      ptr = toNumber(r >> B32);
      len = toNumber(r & MASK32);
      // Fresh views only from here: the call may have grown memory.
      if (ptr + len > memory.buffer.byteLength) throw new RangeError('output span outside memory');
    } catch (err) {
      const why = describe(err, state);
      discard(err);
      throw new WxcardError(
        `wxcard: the module trapped during ${typeof op === 'string' ? op : 'a call'} (${why}); the instance was discarded` +
          (inst ? ' and a fresh one made' : '; await init() before the next call'),
        { cause: err },
      );
    }
    if (state.out) state.out = '';
    if (len === 0) throw new WxcardError('wxcard: the module returned no output');
    return take(memory.buffer, ptr, len);
  }

  const copy = (buffer, ptr, len) => new U8(buffer, ptr, len).slice();

  /** Runs op and returns the exact output bytes. */
  function callRaw(op, input) {
    return invoke(op, input, copy);
  }

  function callRawText(op, input) {
    return invoke(op, input, text.read);
  }

  function call(op, input) {
    return jsonParse(invoke(op, input, text.read));
  }

  const request = (payload, options) => ({ payload, options: options == null ? {} : options });
  const api = {
    guard: (wx, options) => guardOf(wx, options),
    init,
    initSync,
    isInitialized: () => inst !== null,
    call,
    callRaw,
    callRawText,
    validateCardList: (p, o) => call('validateCardList', request(p, o)),
    buildAddCard: (p, o) => call('buildAddCard', request(p, o)),
    buildOpenCard: (p, o) => call('buildOpenCard', request(p, o)),
    parseAddCardResult: (p, o) => call('parseAddCardResult', request(p, o)),
    parseActivateUrl: (p, o) => call('parseActivateUrl', request(p, o)),
    validateMemberCardLaunch: (p, o) => call('validateMemberCardLaunch', request(p, o)),
    parseReferrerInfo: (p, o) => call('parseReferrerInfo', request(p, o)),
    lint: (p, o) => call('lint', request(p, o)),
  };
  const guardOf = makeGuard(api);
  return api;
}
