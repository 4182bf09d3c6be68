// Mini program entry, built by build.mjs into miniprogram_dist/index.js (the
// folder package.json's "miniprogram" field names, which the devtools' 构建 npm
// copies to miniprogram_npm/wxcard/). A mini program has no WebAssembly, no
// file system and no fetch: WXWebAssembly.instantiate loads a code-package
// path, by default the brotli file this build puts beside the entry.
import { createWxcard as createEngine, WxcardError, MAX_INPUT_BYTES, ABI_VERSION, OPS } from './core.js';

/** Where 构建 npm puts the module in the main package. */
export const DEFAULT_WASM_PATH = '/miniprogram_npm/wxcard/wxcard.wasm.br';

const POOL_BYTES = 256;
const RANDOM_WAIT_MS = 1000;

const wxApi = () => (typeof wx !== 'undefined' && wx ? wx : null);

// init() with nothing in a mini program: WXWebAssembly, called as a method.
function defaultInstantiate() {
  if (typeof WXWebAssembly === 'undefined' || !WXWebAssembly || typeof WXWebAssembly.instantiate !== 'function') {
    return null;
  }
  return (path, imports) => WXWebAssembly.instantiate(path, imports);
}

// wx.getRandomValues (base library 2.15.0+) is asynchronous while the
// guest's random_get is not, so bytes are fetched ahead into a pool: the
// guest reads 8 per instance (its hash seed). Without the API, or once the
// pool is spent before a refill lands, Math.random serves.
function randomPool() {
  let pool = null;
  let at = 0;
  let filling = null;

  function fill() {
    const api = wxApi();
    if (filling || !api || typeof api.getRandomValues !== 'function') return Promise.resolve();
    filling = new Promise((resolve) => {
      let done = false;
      const finish = (bytes) => {
        if (done) return;
        done = true;
        filling = null;
        if (bytes && bytes.length) {
          pool = bytes;
          at = 0;
        }
        resolve();
      };
      const timer = typeof setTimeout === 'function' ? setTimeout(() => finish(null), RANDOM_WAIT_MS) : null;
      const stop = (bytes) => {
        if (timer !== null && typeof clearTimeout === 'function') clearTimeout(timer);
        finish(bytes);
      };
      try {
        api.getRandomValues({
          length: POOL_BYTES,
          success: (res) => stop(res && res.randomValues ? new Uint8Array(res.randomValues) : null),
          fail: () => stop(null),
        });
      } catch (_err) {
        stop(null);
      }
    });
    return filling;
  }

  function getRandomValues(b) {
    for (let i = 0; i < b.length; i++) {
      b[i] = pool && at < pool.length ? pool[at++] : (Math.random() * 256) >>> 0;
    }
    if (!pool || at >= pool.length - 32) fill();
  }

  return { fill, getRandomValues };
}

function createPlatform() {
  const random = randomPool();
  return {
    prepare: random.fill,
    defaultInstantiate,
    defaultSource: () => DEFAULT_WASM_PATH,
    // Bytes or a compiled module only where a WebAssembly global exists
    // (not in a mini program): the core compiles them.
    resolve(source) {
      if (source == null || typeof source === 'string') {
        throw new WxcardError(
          'wxcard: in a mini program, init() loads through WXWebAssembly: init({ instantiate: WXWebAssembly.instantiate, wasm: "/path/to/wxcard.wasm.br" })',
        );
      }
      return source;
    },
    getRandomValues: random.getRandomValues,
  };
}

/** An engine of its own (own instance and state), for isolation. */
export function createWxcard() {
  return createEngine(createPlatform());
}

const engine = createEngine(createPlatform());

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
