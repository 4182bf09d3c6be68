// The dev guard: wraps wx.addCard, wx.openCard and wx.navigateToMiniProgram
// (to the activation component only) so that each call's payload is checked
// by the core before WeChat sees it. Platform-neutral, and part of every
// entry, the mini program one included: no async functions (see core.js).

export const ACTIVATION_APP_ID = 'wxeb490c6f9b154ef9';

// The guard remembers at most this many activate_tickets per handle.
const SEEN_TICKETS = 256;

export const CALLBACKS = ['success', 'fail', 'complete'];

function call0(fn, self) {
  try {
    return fn.call(self);
  } catch (_err) {
    return undefined;
  }
}

// The system language, platform and build: each read defensively, as the
// APIs differ between base library versions (and Node stubs lack them).
function environment(wx) {
  const info =
    (typeof wx.getAppBaseInfo === 'function' && call0(wx.getAppBaseInfo, wx)) ||
    (typeof wx.getSystemInfoSync === 'function' && call0(wx.getSystemInfoSync, wx)) ||
    null;
  const device =
    (typeof wx.getDeviceInfo === 'function' && call0(wx.getDeviceInfo, wx)) ||
    (typeof wx.getSystemInfoSync === 'function' && call0(wx.getSystemInfoSync, wx)) ||
    null;
  const account = typeof wx.getAccountInfoSync === 'function' ? call0(wx.getAccountInfoSync, wx) : null;
  const envVersion = account && account.miniProgram ? account.miniProgram.envVersion : undefined;
  const platform = device ? device.platform : undefined;
  return {
    language: info && typeof info.language === 'string' ? info.language : '',
    platform,
    envVersion,
    // Neither API answered: not a WeChat runtime (a test's stub), so checks help.
    known: platform !== undefined || envVersion !== undefined,
  };
}

/** Whether the guard should wrap anything: devtools, develop or trial builds (or force). */
export function guardActive(env, force) {
  if (force) return true;
  if (!env.known) return true;
  return env.platform === 'devtools' || env.envVersion === 'develop' || env.envVersion === 'trial';
}

const localeOf = (language) => (/^zh/i.test(language) ? 'zh-CN' : 'en');

/** The default report: one console message per call, grouped by severity. */
export function printReport(report, out) {
  const con = out || (typeof console !== 'undefined' ? console : null);
  if (!con || report.diagnostics.length === 0) return;
  const lines = report.diagnostics.map((d) => `  ${d.path || '/'}  ${d.severity} ${d.code}: ${d.message}`);
  const n = report.diagnostics.length;
  const head = `[wxcard] wx.${report.api}: ${n} ${n === 1 ? 'problem' : 'problems'}${report.blocked ? ' (the call was not sent to WeChat)' : ''}`;
  const fn = !report.ok ? con.error : con.warn;
  if (typeof fn === 'function') fn.call(con, [head, ...lines].join('\n'));
}

/** The errMsg of a blocked call: "<api>:fail wxcard <code>: <message>". */
export function blockedErrMsg(api, out) {
  const d = out.diagnostics.find((x) => x.severity === 'error') || out.diagnostics[0];
  return `${api}:fail wxcard ${d.code}: ${d.message}`;
}

/** Whether a wx call uses callbacks (else it expects a Promise). */
export const hasCallback = (o) => o != null && typeof o === 'object' && CALLBACKS.some((k) => typeof o[k] === 'function');

/** What the core checks: a wx call's options without its callbacks. */
export function payloadOf(o) {
  if (o == null || typeof o !== 'object' || Array.isArray(o)) return o;
  const p = {};
  for (const k of Object.keys(o)) {
    if (!(CALLBACKS.includes(k) && typeof o[k] === 'function')) p[k] = o[k];
  }
  return p;
}

// Answers a refused call the way WeChat answers a failed one: fail, then
// complete; with no callback, a rejected Promise.
function refuse(o, res) {
  if (!hasCallback(o)) return Promise.reject(res);
  for (const k of ['fail', 'complete']) {
    if (typeof o[k] === 'function') {
      try {
        o[k](res);
      } catch (err) {
        // The app's own callback threw: as with WeChat's, it surfaces.
        setTimeoutOr(() => {
          throw err;
        });
      }
    }
  }
  return undefined;
}

function setTimeoutOr(fn) {
  if (typeof setTimeout === 'function') setTimeout(fn, 0);
  else Promise.resolve().then(fn);
}

function setMethod(obj, name, fn) {
  try {
    obj[name] = fn;
  } catch (_err) {
    // A non-writable property: define it instead.
  }
  if (obj[name] !== fn) {
    try {
      Object.defineProperty(obj, name, { value: fn, writable: true, configurable: true, enumerable: true });
    } catch (_err) {
      return false;
    }
  }
  return obj[name] === fn;
}

/**
 * Makes the guard function of one engine (the entry's). engine has
 * isInitialized and the operations.
 */
export function makeGuard(engine) {
  return function guard(wx, options) {
    if (wx == null || (typeof wx !== 'object' && typeof wx !== 'function')) {
      throw new TypeError('wxcard: guard(wx, options) needs the wx object');
    }
    const opts = options || {};
    const env = environment(wx);
    const active = guardActive(env, opts.force === true);
    const locale = opts.locale || localeOf(env.language);
    const block = opts.block === true;
    const seen = [];
    const originals = {};
    let warnedInit = false;

    const coreOptions = (extra) => {
      const o = { locale };
      if (opts.cards !== undefined) o.cards = opts.cards;
      const now = typeof opts.now === 'function' ? opts.now() : opts.now;
      if (now !== undefined) o.now = now;
      else if (typeof Date !== 'undefined') o.now = Math.floor(Date.now() / 1000);
      return extra ? Object.assign(o, extra) : o;
    };

    function report(r) {
      try {
        if (typeof opts.onReport === 'function') opts.onReport(r);
        else printReport(r);
      } catch (err) {
        // A throwing onReport must not break the app's call.
        if (typeof console !== 'undefined' && console.error) console.error('[wxcard] onReport threw:', err);
      }
    }

    // Runs op on the call's payload; null when the core cannot answer (not
    // initialized yet: the call then passes through unchecked).
    function check(api, op, payload, extra) {
      if (!engine.isInitialized()) {
        if (!warnedInit && typeof console !== 'undefined' && console.warn) {
          warnedInit = true;
          console.warn(`[wxcard] wx.${api} was not checked: await init() before the first card call (calls pass through until then)`);
        }
        return null;
      }
      try {
        return engine[op](payload, coreOptions(extra));
      } catch (err) {
        if (typeof console !== 'undefined' && console.error) console.error(`[wxcard] wx.${api} could not be checked:`, err);
        return null;
      }
    }

    function wrap(api, op, applies) {
      const original = wx[api];
      if (typeof original !== 'function') return;
      originals[api] = original;
      const wrapped = function (o) {
        if (applies && !applies(o)) return original.apply(this, arguments);
        const payload = payloadOf(o);
        const out = check(api, op, payload);
        if (out) {
          const blocked = block && !out.ok;
          if (out.diagnostics.length > 0) report({ api, ok: out.ok, diagnostics: out.diagnostics, payload, blocked });
          if (blocked) return refuse(o, { errMsg: blockedErrMsg(api, out) });
        }
        return original.apply(this, arguments);
      };
      if (!setMethod(wx, api, wrapped)) delete originals[api];
    }

    if (active) {
      wrap('addCard', 'validateCardList');
      wrap('openCard', 'buildOpenCard');
      wrap('navigateToMiniProgram', 'validateMemberCardLaunch', (o) => o != null && typeof o === 'object' && o.appId === ACTIVATION_APP_ID);
    }

    return {
      active,
      locale,
      /** parseReferrerInfo on App.onShow's options, with activate-ticket-reused for a ticket this handle already saw. */
      checkReferrer(showOptions) {
        const payload = showOptions && typeof showOptions === 'object' ? { referrerInfo: showOptions.referrerInfo } : showOptions;
        if (!engine.isInitialized()) {
          if (active && !warnedInit && typeof console !== 'undefined' && console.warn) {
            warnedInit = true;
            console.warn('[wxcard] onShow referrerInfo was not checked: await init() first');
          }
          return null;
        }
        const out = engine.parseReferrerInfo(payload, coreOptions({ seenActivateTickets: seen.slice() }));
        const ticket = out.result && out.result.activate_ticket;
        if (ticket && seen.indexOf(ticket) < 0) {
          seen.push(ticket);
          if (seen.length > SEEN_TICKETS) seen.shift();
        }
        if (active && out.diagnostics.length > 0) report({ api: 'onShow referrerInfo', ok: out.ok, diagnostics: out.diagnostics, payload });
        return out;
      },
      /** Puts the original functions back (those still installed by this handle). */
      unguard() {
        for (const api of Object.keys(originals)) setMethod(wx, api, originals[api]);
        for (const api of Object.keys(originals)) delete originals[api];
      },
    };
  };
}
