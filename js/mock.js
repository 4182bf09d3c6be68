// The test mock: fakes of wx.addCard and wx.openCard that check each payload
// with the core and answer as WeChat would. Platform-neutral (Node tests,
// Jest with miniprogram-simulate, the mini program build); no async functions.
import { RULES } from './rules.js';
import { hasCallback, payloadOf } from './guard.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The detail WeChat answers for the first error of out (in output order):
 * the one WeChat's texts document for its rule, else "wxcard <code>".
 */
export function failDetail(out) {
  const d = out.diagnostics.find((x) => x.severity === 'error');
  if (!d) return 'wxcard internal';
  const rule = RULES[d.code];
  return rule && rule.wechat ? rule.wechat : `wxcard ${d.code}`;
}

// FNV-1a over a string's UTF-16 units, then xorshift: deterministic bytes
// that depend on every unit (no crypto in a mini program, and none needed).
function fakeBytes(seedText, n) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) {
    h ^= seedText.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const out = new Uint8Array(n);
  let x = h || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function base64(bytes) {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64[v >> 18] + B64[(v >> 12) & 63] + B64[(v >> 6) & 63] + B64[v & 63];
  }
  if (i < bytes.length) {
    const v = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8);
    s += B64[v >> 18] + B64[(v >> 12) & 63] + (i + 1 < bytes.length ? B64[(v >> 6) & 63] : '=') + '=';
  }
  return s;
}

/**
 * The encrypted-looking code the mock's addCard returns for one card: 44
 * characters of base64 (32 bytes), as WeChat's encrypted codes are, and a
 * function of the card, its cardExt and its place in the batch.
 */
export function fakeEncryptedCode(cardId, cardExt, index) {
  return base64(fakeBytes(`${index}\u0000${cardId}\u0000${typeof cardExt === 'string' ? cardExt : JSON.stringify(cardExt)}`, 32));
}

const later = (fn) => Promise.resolve().then(fn);

// Delivers res as WeChat does: later, success or fail and then complete; a
// call without callbacks gets a Promise.
function answer(o, ok, res) {
  if (!hasCallback(o)) {
    return ok ? later(() => res) : later(() => Promise.reject(res));
  }
  later(() => {
    const first = ok ? o.success : o.fail;
    if (typeof first === 'function') first(res);
    if (typeof o.complete === 'function') o.complete(res);
  });
  return undefined;
}

/** Makes mockCardApis for one engine (the entry's). */
export function makeMock(engine) {
  return function mockCardApis(wx, options) {
    if (wx == null || (typeof wx !== 'object' && typeof wx !== 'function')) {
      throw new TypeError('wxcard: mockCardApis(wx, options) needs the object whose addCard and openCard to replace');
    }
    if (!engine.isInitialized()) throw new Error('wxcard: mockCardApis needs the core: await init() first');
    const opts = Object.assign({}, options || {});
    const cancel = opts.cancel === true;
    delete opts.cancel;
    const calls = [];
    const had = { addCard: Object.prototype.hasOwnProperty.call(wx, 'addCard'), openCard: Object.prototype.hasOwnProperty.call(wx, 'openCard') };
    const originals = { addCard: wx.addCard, openCard: wx.openCard };

    function addCard(o) {
      const payload = payloadOf(o);
      const out = engine.validateCardList(payload, opts);
      let ok = out.ok && !cancel;
      let res;
      if (cancel) res = { errMsg: 'addCard:fail cancel' };
      else if (!out.ok) res = { errMsg: `addCard:fail ${failDetail(out)}` };
      else {
        res = {
          errMsg: 'addCard:ok',
          cardList: payload.cardList.map((c, i) => ({
            cardId: c.cardId,
            cardExt: c.cardExt,
            code: fakeEncryptedCode(c.cardId, c.cardExt, i),
            isSuccess: true,
          })),
        };
      }
      calls.push({ api: 'addCard', payload, diagnostics: out.diagnostics, answer: res });
      return answer(o, ok, res);
    }

    function openCard(o) {
      const payload = payloadOf(o);
      const out = engine.buildOpenCard(payload, opts);
      const res = out.ok ? { errMsg: 'openCard:ok' } : { errMsg: `openCard:fail ${failDetail(out)}` };
      calls.push({ api: 'openCard', payload, diagnostics: out.diagnostics, answer: res });
      return answer(o, out.ok, res);
    }

    wx.addCard = addCard;
    wx.openCard = openCard;
    return {
      calls,
      restore() {
        for (const api of ['addCard', 'openCard']) {
          if (had[api]) wx[api] = originals[api];
          else delete wx[api];
        }
      },
    };
  };
}
