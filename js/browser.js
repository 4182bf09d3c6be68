// Browser (and default) entry: no file system, so init() takes a URL, a
// Response, the bytes, a compiled WebAssembly.Module or an instantiate
// function; without one it fetches wxcard.wasm next to this file.
import { createWxcard as createEngine, WxcardError, MAX_INPUT_BYTES, ABI_VERSION, OPS } from './core.js';

// A bundler that does not follow new URL('./wxcard.wasm', import.meta.url)
// (esbuild) leaves the default pointing at nothing: say what to do.
const BUNDLER_HINT =
  "; if a bundler built this page, import the wasm's URL and pass it to init() (esbuild: import wasmUrl from 'wxcard/wxcard.wasm' with --loader:.wasm=file; see the package README)";

async function resolve(source) {
  source = await source;
  const isDefault = source == null;
  if (isDefault) source = new URL('./wxcard.wasm', import.meta.url);
  if (typeof source === 'string' || source instanceof URL) {
    source = await fetch(source);
  }
  if (typeof source.arrayBuffer === 'function') {
    const res = source;
    if (res.ok === false) {
      const what = `wxcard: fetching the wasm failed: HTTP ${res.status} ${res.url || ''}`.trim();
      throw new WxcardError(isDefault ? what + BUNDLER_HINT : what);
    }
    const type = res.headers && res.headers.get ? res.headers.get('content-type') || '' : '';
    if (typeof WebAssembly.compileStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
      try {
        return await WebAssembly.compileStreaming(res);
      } catch (err) {
        throw new WxcardError(`wxcard: the fetched bytes are not a valid WebAssembly module: ${err.message}`, { cause: err });
      }
    }
    return new Uint8Array(await res.arrayBuffer());
  }
  return source;
}

const browserPlatform = {
  resolve,
  defaultSource: () => new URL('./wxcard.wasm', import.meta.url).href,
  getRandomValues: (b) => globalThis.crypto.getRandomValues(b),
};

/** An engine of its own (own instance and state), for isolation. */
export function createWxcard() {
  return createEngine(browserPlatform);
}

const engine = createEngine(browserPlatform);

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
