// wxcard/eslint: an ESLint (≥ 9, flat config) plugin for mini program
// sources. It finds wx/uni/Taro.addCard, .openCard and .navigateToMiniProgram
// calls, reads the static part of their argument, and lets the core check
// it: the rules are the core's, and so are the messages. The CommonJS entry
// (eslint.cjs) is built from this file by build.mjs.
import { createWxcard, MAX_INPUT_BYTES } from './index.js';
import RULE_META from './eslint-rules.json' with { type: 'json' };
import { TEXTS, SECRET_NAMES, SECRET_MARKERS, MAX_FILE_BYTES } from './rules.js';

const HOSTS = new Set(['wx', 'uni', 'Taro']);
const APIS = new Map([
  ['addCard', 'validateCardList'],
  ['openCard', 'buildOpenCard'],
  ['navigateToMiniProgram', 'validateMemberCardLaunch'],
]);
const ACTIVATION_APP_ID = 'wxeb490c6f9b154ef9';
const CALLBACKS = new Set(['success', 'fail', 'complete']);
const DOCS = 'https://github.com/wxcard/wxcard/blob/main/docs/rules.md#eslint-';
// Codes of the core that a rule of its own reports in source terms:
// cardext-not-string only for an object or array (cardext-string's, with its
// autofix); a number or boolean cardExt stays with payload.
const OWN_RULE = new Set(['cardext-not-string', 'secret-in-payload']);
const ownRule = (d, r) =>
  OWN_RULE.has(d.code) && (d.code !== 'cardext-not-string' || /^(Object|Array)Expression$/.test((r.nodes.get(d.path) || {}).type));

// One engine for every file ESLint lints, initialised synchronously on the
// first rule that needs it (ESLint rules cannot wait for a promise).
let engine = null;
function core() {
  if (!engine) {
    const e = createWxcard();
    e.initSync();
    engine = e;
  }
  return engine;
}

// ---- reading the AST --------------------------------------------------------

const unwrapTS = (n) => {
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' ||
    n.type === 'TSTypeAssertion' || n.type === 'ChainExpression' || (n.type === 'ParenthesizedExpression'))) {
    n = n.expression;
  }
  return n;
};

function propName(p) {
  if (p.computed) {
    const k = unwrapTS(p.key);
    return k && k.type === 'Literal' && (typeof k.value === 'string' || typeof k.value === 'number') ? String(k.value) : null;
  }
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal') return String(p.key.value);
  return null;
}

function memberName(m) {
  if (!m || m.type !== 'MemberExpression') return null;
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'Literal' && typeof m.property.value === 'string') return m.property.value;
  return null;
}

/** The API a call reaches (wx.addCard(...)), or null. */
function apiOf(call) {
  const callee = unwrapTS(call.callee);
  const name = memberName(callee);
  if (!name || !APIS.has(name)) return null;
  const obj = unwrapTS(callee.object);
  return obj.type === 'Identifier' && HOSTS.has(obj.name) ? name : null;
}

/** The initializer of a const the identifier is bound to, or null. */
function constInit(context, id) {
  let scope = context.sourceCode.getScope(id);
  for (; scope; scope = scope.upper) {
    const v = scope.set.get(id.name);
    if (!v) continue;
    if (v.defs.length !== 1) return null;
    const def = v.defs[0];
    if (def.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== 'Identifier' || !def.node.init) return null;
    return def.node.init;
  }
  return null;
}

/** Follows local consts (a few steps) to the expression a node stands for. */
function resolve(context, node) {
  node = unwrapTS(node);
  for (let i = 0; i < 8 && node && node.type === 'Identifier'; i++) {
    const init = constInit(context, node);
    if (!init) return node;
    node = unwrapTS(init);
  }
  return node;
}

const isJSONStringify = (n) =>
  n && n.type === 'CallExpression' && memberName(unwrapTS(n.callee)) === 'stringify' &&
  unwrapTS(n.callee.object).type === 'Identifier' && unwrapTS(n.callee.object).name === 'JSON' && n.arguments.length === 1;

// ---- static evaluation -----------------------------------------------------
//
// A value tree: {t:'obj', props:[[key, value]]}, {t:'arr', items},
// {t:'str', s, lit}, {t:'num', raw}, {t:'bool', v}, {t:'null'}, or
// {t:'dyn'} for what is not static. Pointers (RFC 6901, as the core writes
// them) are recorded for each value, so a diagnostic finds its node.

function escPtr(k) {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

class Reader {
  constructor(context) {
    this.context = context;
    this.nodes = new Map(); // pointer → value node
    this.keys = new Map(); // pointer → key node
    this.dyn = []; // pointers whose value is not static
    this.open = []; // pointers of objects with spreads or computed keys
    this.strings = []; // {ptr, node}: string literals, for spans inside them
    this.depth = 0;
  }

  read(node, ptr) {
    if (this.depth > 40) return this.dynamic(ptr);
    this.depth++;
    try {
      return this.value(node, ptr);
    } finally {
      this.depth--;
    }
  }

  dynamic(ptr) {
    this.dyn.push(ptr);
    return { t: 'dyn' };
  }

  value(node, ptr) {
    const n = resolve(this.context, node);
    this.nodes.set(ptr, n || node);
    if (!n) return this.dynamic(ptr);
    switch (n.type) {
      case 'Literal':
        if (typeof n.value === 'string') {
          this.strings.push({ ptr, node: n, raw: this.context.sourceCode.getText(n), quoted: 1 });
          return { t: 'str', s: n.value };
        }
        if (typeof n.value === 'number') return Number.isFinite(n.value) ? { t: 'num', raw: String(n.value) } : this.dynamic(ptr);
        if (typeof n.value === 'boolean') return { t: 'bool', v: n.value };
        if (n.value === null && !n.regex && n.bigint == null) return { t: 'null' };
        return this.dynamic(ptr);
      case 'TemplateLiteral':
        if (n.expressions.length > 0) return this.dynamic(ptr);
        this.strings.push({ ptr, node: n, raw: this.context.sourceCode.getText(n), quoted: 1, template: true });
        return { t: 'str', s: n.quasis[0].value.cooked };
      case 'UnaryExpression':
        if (n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number' && Number.isFinite(n.argument.value)) {
          return { t: 'num', raw: String(-n.argument.value) };
        }
        return this.dynamic(ptr);
      case 'ObjectExpression':
        return this.object(n, ptr);
      case 'ArrayExpression': {
        if (n.elements.some((e) => e === null || e.type === 'SpreadElement')) return this.dynamic(ptr);
        return { t: 'arr', items: n.elements.map((e, i) => this.read(e, ptr + '/' + i)) };
      }
      case 'CallExpression':
        if (isJSONStringify(n)) return this.stringified(n, ptr);
        return this.dynamic(ptr);
      default:
        return this.dynamic(ptr);
    }
  }

  object(n, ptr) {
    const props = [];
    for (const p of n.properties) {
      if (p.type !== 'Property' || p.kind !== 'init') {
        this.open.push(ptr);
        continue;
      }
      const key = propName(p);
      if (key === null) {
        this.open.push(ptr);
        continue;
      }
      const v = unwrapTS(p.value);
      // Functions are not JSON (JSON.stringify drops them): the callbacks.
      if (p.method || v.type === 'FunctionExpression' || v.type === 'ArrowFunctionExpression') continue;
      const at = ptr + '/' + escPtr(key);
      this.keys.set(at, p.key);
      props.push([key, this.read(p.value, at)]);
    }
    return { t: 'obj', props };
  }

  // JSON.stringify(<static>): the string it makes; the pointers continue
  // into it, as the core's do into a cardExt string.
  stringified(call, ptr) {
    const inner = this.read(call.arguments[0], ptr);
    this.nodes.set(ptr, call);
    if (inner.t === 'dyn') return inner;
    return { t: 'str', s: null, inner };
  }
}

// Writes a value tree as JSON text, ASCII only (so the core's byte offsets
// are string indexes), recording where each literal string lies. Values
// that are not static become strings that cannot match anything (each
// different, so no two compare equal), and the findings under them are
// dropped afterwards. Null when the text would be over the package's input
// cap (JSON.stringify(JSON.stringify(…)) doubles the escapes of each level).
function writeJSON(tree) {
  const spans = []; // {ptr, start, end} of each literal string, in text order
  let dyn = 0;
  let text = '';
  let over = false;
  // record: where literal strings lie (not inside a JSON.stringify(…),
  // whose findings are found by path).
  const write = (v, ptr, record) => {
    switch (v.t) {
      case 'obj':
        text += '{';
        v.props.forEach(([k, x], i) => {
          text += (i ? ',' : '') + asciiJSON(k) + ':';
          write(x, ptr + '/' + escPtr(k), record);
        });
        text += '}';
        return;
      case 'arr':
        text += '[';
        v.items.forEach((x, i) => {
          if (i) text += ',';
          write(x, ptr + '/' + i, record);
        });
        text += ']';
        return;
      case 'str':
        if (v.inner) {
          const outer = text;
          text = '';
          write(v.inner, ptr, false);
          const inner = text;
          over = over || inner.length > MAX_INPUT_BYTES;
          text = over ? outer : outer + asciiJSON(inner);
          return;
        }
        if (record) {
          const start = text.length;
          text += asciiJSON(v.s);
          spans.push({ ptr, start, end: text.length });
          return;
        }
        text += asciiJSON(v.s);
        return;
      case 'num':
        text += v.raw;
        return;
      case 'bool':
        text += v.v ? 'true' : 'false';
        return;
      case 'null':
        text += 'null';
        return;
      default:
        text += asciiJSON('\u0000wxcard:dynamic:' + ++dyn);
    }
  };
  write(tree, '', true);
  return over ? null : { text, spans };
}

function asciiJSON(s) {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// For the JSON string that lies at [start, end) of text (from its opening
// quote): units[k] is the UTF-16 index, inside its value, of the text offset
// start + k. Made once per literal with findings, so that many findings in
// one long literal cost its length once, not once each.
function unitsIndex(text, start, end) {
  const units = new Int32Array(end - start + 1);
  let next = start + 1; // where the next character or escape starts
  for (let k = 1; k <= end - start; k++) {
    const i = start + k - 1;
    units[k] = units[k - 1];
    if (i === next && i < end - 1) {
      units[k]++;
      next += text[i] === '\\' ? (text[i + 1] === 'u' ? 6 : 2) : 1;
    }
  }
  return units;
}

// Maps each UTF-16 unit of a JS string literal's (or template's) value to
// the source range of the character that wrote it, escapes included:
// at[k] is where unit k's character starts, end[k] where it ends (so a span
// that ends in an escape such as \" or \u00e9 covers all of it). The last
// entry of at is the closing quote or backtick.
function unitMap(raw, base) {
  const at = [];
  const end = [];
  const close = raw.length - 1; // the closing quote or backtick
  for (let j = 1; j < close; ) {
    const c = raw[j];
    if (c !== '\\') {
      const len = c === '\r' && raw[j + 1] === '\n' ? 2 : 1;
      at.push(base + j);
      end.push(base + j + len);
      j += len;
      continue;
    }
    const e = raw[j + 1];
    let len = 2;
    let units = 1;
    if (e === 'x') len = 4;
    else if (e === 'u') {
      if (raw[j + 2] === '{') {
        const brace = raw.indexOf('}', j);
        const cp = parseInt(raw.slice(j + 3, brace), 16);
        len = brace - j + 1;
        units = cp > 0xffff ? 2 : 1;
      } else len = 6;
    } else if (e === '\r') {
      len = raw[j + 2] === '\n' ? 3 : 2;
      units = 0;
    } else if (e === '\n' || e === '\u2028' || e === '\u2029') {
      units = 0;
    } else if (e >= '0' && e <= '7') {
      let k = j + 2;
      while (k < j + 4 && raw[k] >= '0' && raw[k] <= '7') k++;
      len = k - j;
    }
    for (let u = 0; u < units; u++) {
      at.push(base + j);
      end.push(base + j + len);
    }
    j += len;
  }
  at.push(base + close);
  end.push(base + close + 1);
  return { at, end };
}

// ---- reporting ---------------------------------------------------------------

// Whether ptr is one of the pointers of set or lies under one (a walk up
// its prefixes: as many steps as it is deep, whatever the size of set).
function under(ptr, set) {
  for (let p = ptr; ; ) {
    if (set.has(p)) return true;
    if (p === '') return false;
    const i = p.lastIndexOf('/');
    p = i < 0 ? '' : p.slice(0, i);
  }
}

function nearest(map, ptr) {
  for (let p = ptr; ; ) {
    if (map.has(p)) return map.get(p);
    if (p === '') return null;
    const i = p.lastIndexOf('/');
    p = i < 0 ? '' : p.slice(0, i);
  }
}

const KEY_CODES = new Set(['unknown-field', 'legacy-field', 'duplicate-key']);

function localeOf(context) {
  const o = context.options[0];
  return o && o.locale === 'zh-CN' ? 'zh-CN' : 'en';
}

function checkCall(context, call, api) {
  const arg = call.arguments[0];
  if (!arg || arg.type === 'SpreadElement') return;
  const r = new Reader(context);
  const tree = r.read(arg, '');
  if (tree.t !== 'obj') return;
  if (api === 'navigateToMiniProgram') {
    // Only a launch of the activation component is a card payload.
    const app = tree.props.find(([k]) => k === 'appId');
    const extra = tree.props.find(([k]) => k === 'extraData');
    const cardKeys = extra && extra[1].t === 'obj' && extra[1].props.some(([k]) => k === 'encrypt_card_id' || k === 'biz');
    if (!(app && app[1].t === 'str' && app[1].s === ACTIVATION_APP_ID) && !cardKeys) return;
  }
  // The callbacks are not the payload.
  tree.props = tree.props.filter(([k]) => !CALLBACKS.has(k));
  const written = writeJSON(tree);
  if (!written) return;
  const { text, spans } = written;
  const opts = context.options[0] || {};
  // ASCII, so its length is its size: one over the package's input cap (16
  // times the core's 1 MiB payload limit) cannot be sent, and is skipped.
  const request = JSON.stringify({ payload: text, options: { locale: localeOf(context) } });
  if (request.length > MAX_INPUT_BYTES) return;
  const out = core().call(APIS.get(api), request);
  const literals = new Map(r.strings.map((s) => [s.ptr, s]));
  const indexes = new Map(); // span → { units, map }, for the literals with findings
  const dyn = new Set(r.dyn);
  const open = new Set(r.open);
  for (const d of out.diagnostics) {
    if (ownRule(d, r)) continue;
    if (d.severity === 'info' && !opts.info) continue;
    if (under(d.path, dyn) || open.has(d.path)) continue;
    const report = { message: `${d.message} (${d.code})` };
    // Inside a string literal: the exact characters.
    const lit = literalOf(literals, spans, d);
    if (lit) {
      const { s, span } = lit;
      let ix = indexes.get(span);
      if (!ix) indexes.set(span, (ix = { units: unitsIndex(text, span.start, span.end), map: unitMap(s.raw, s.node.range[0]) }));
      const { units, map } = ix;
      const last = map.at.length - 1;
      const a = units[d.offset - span.start];
      const b = units[d.offset + d.length - span.start];
      const from = map.at[Math.min(a, last)];
      const to = b > a ? map.end[Math.min(b - 1, last)] : from + 1;
      const sc = context.sourceCode;
      report.loc = { start: sc.getLocFromIndex(from), end: sc.getLocFromIndex(Math.max(to, from + 1)) };
    } else {
      const node = (KEY_CODES.has(d.code) && r.keys.get(d.path)) || nearest(r.nodes, d.path) || call;
      report.node = node;
    }
    context.report(report);
  }
}

// The literal string a diagnostic with a span lies in (strictly inside its
// quotes), with its span in the JSON text. The spans do not overlap
// and are in text order: a binary search for the last one starting before
// the offset (one scan per diagnostic would be quadratic in a long cardList).
function literalOf(literals, spans, d) {
  if (d.offset == null) return null;
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < d.offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at < 0) return null;
  const span = spans[at];
  const s = literals.get(span.ptr);
  if (!s || d.offset + d.length >= span.end) return null;
  return { s, span };
}

// ---- the rules -----------------------------------------------------------------

function meta(name, extra) {
  const m = RULE_META.find((r) => r.name === name);
  return {
    type: m.type,
    docs: { description: m.summary.en, url: DOCS + name, recommended: true },
    schema: [
      {
        type: 'object',
        properties: { locale: { enum: ['en', 'zh-CN'] }, info: { type: 'boolean' } },
        additionalProperties: false,
      },
    ],
    ...(m.fixable ? { fixable: m.fixable } : {}),
    ...(m.hasSuggestions ? { hasSuggestions: true } : {}),
    ...extra,
  };
}

const payload = {
  meta: meta('payload'),
  create(context) {
    return {
      CallExpression(node) {
        const api = apiOf(node);
        if (api) checkCall(context, node, api);
      },
    };
  },
};

/** The cardList items (object expressions) of an addCard call, as written. */
function cardItems(context, call) {
  const arg = call.arguments[0] && resolve(context, call.arguments[0]);
  if (!arg || arg.type !== 'ObjectExpression') return [];
  const list = arg.properties.find((p) => p.type === 'Property' && propName(p) === 'cardList');
  const arr = list && resolve(context, list.value);
  if (!arr || arr.type !== 'ArrayExpression') return [];
  return arr.elements.map((e) => e && resolve(context, e)).filter((e) => e && e.type === 'ObjectExpression');
}

const cardExtProp = (item) => item.properties.find((p) => p.type === 'Property' && propName(p) === 'cardExt');

/** A rule's visitor that calls fn(cardExtProperty) for each cardList item of every addCard call. */
const onCardExts = (context, fn) => ({
  CallExpression(node) {
    if (apiOf(node) !== 'addCard') return;
    for (const item of cardItems(context, node)) {
      const p = cardExtProp(item);
      if (p) fn(p);
    }
  },
});

// The words are the core's (js/rules.js, generated from wasm/card): {0}, {1}
// are filled here.
const say = (context, id, ...args) => TEXTS[id][localeOf(context)].replace(/\{(\d)\}/g, (_, k) => args[k]);

const cardextString = {
  meta: meta('cardext-string'),
  create(context) {
    return onCardExts(context, (p) => {
      const v = resolve(context, p.value);
      if (!v || (v.type !== 'ObjectExpression' && v.type !== 'ArrayExpression')) return;
      const kind = say(context, v.type === 'ArrayExpression' ? 'kind-array' : 'kind-object');
      context.report({
        node: p.value,
        message: say(context, 'cardext-in-source', kind),
        fix(fixer) {
          const src = context.sourceCode.getText(p.value);
          if (p.shorthand) return fixer.replaceText(p, `cardExt: JSON.stringify(${src})`);
          return fixer.replaceText(p.value, `JSON.stringify(${src})`);
        },
      });
    });
  },
};

// A millisecond clock read: Date.now(), new Date().getTime() (or valueOf),
// +new Date(), Date.parse(…); also inside String(…), ….toString() and a
// template `${…}`. Returns the clock expression, or null.
function millisClock(n) {
  n = unwrapTS(n);
  if (!n) return null;
  const isDate = (x) => x && x.type === 'Identifier' && x.name === 'Date';
  if (n.type === 'CallExpression') {
    const c = unwrapTS(n.callee);
    const m = memberName(c);
    if ((m === 'now' || m === 'parse') && isDate(unwrapTS(c.object))) return n;
    if ((m === 'getTime' || m === 'valueOf') && unwrapTS(c.object).type === 'NewExpression' && isDate(unwrapTS(c.object).callee)) return n;
    if (c.type === 'Identifier' && (c.name === 'String' || c.name === 'Number') && n.arguments.length === 1) return millisClock(n.arguments[0]);
    if (m === 'toString' && n.arguments.length === 0) return millisClock(c.object);
    return null;
  }
  if (n.type === 'UnaryExpression' && n.operator === '+' && unwrapTS(n.argument).type === 'NewExpression' && isDate(unwrapTS(n.argument).callee)) return n;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 1 && n.quasis.every((q) => q.value.cooked === '')) return millisClock(n.expressions[0]);
  return null;
}

/** The cardExt object literal a cardExt property gives: as is, or to JSON.stringify. */
function cardExtObject(context, p) {
  let v = resolve(context, p.value);
  if (isJSONStringify(v)) v = resolve(context, v.arguments[0]);
  return v && v.type === 'ObjectExpression' ? v : null;
}

const timestampSeconds = {
  meta: meta('timestamp-seconds'),
  create(context) {
    return onCardExts(context, (prop) => {
      const ext = cardExtObject(context, prop);
      if (!ext) return;
      for (const p of ext.properties) {
        if (p.type !== 'Property') continue;
        const name = propName(p);
        if (name !== 'timestamp' && name !== 'fixed_begintimestamp') continue;
        const v = resolve(context, p.value);
        const clock = millisClock(v);
        if (!clock) continue;
        const sc = context.sourceCode;
        const expr = sc.getText(clock);
        let fix;
        if (clock.range[0] >= p.value.range[0] && clock.range[1] <= p.value.range[1]) {
          const replacement = clock.type === 'UnaryExpression' ? 'Math.floor(Date.now() / 1000)' : `Math.floor(${expr} / 1000)`;
          fix = (fixer) => fixer.replaceText(clock, replacement);
        } else {
          // Read through a local const: divided where it is used, as the
          // const may have other uses that want milliseconds.
          const src = sc.getText(p.value);
          const seconds = `Math.floor(${p.value.type === 'Identifier' ? src : `(${src})`} / 1000)`;
          fix = (fixer) => (p.shorthand ? fixer.replaceText(p, `${sc.getText(p.key)}: ${seconds}`) : fixer.replaceText(p.value, seconds));
        }
        context.report({
          node: p.value,
          message: say(context, 'timestamp-clock', name, expr),
          suggest: [{ desc: say(context, 'seconds-suggestion'), fix }],
        });
      }
    });
  },
};

// opencard-decrypted: names bound to an addCard result in a function, and
// whether an expression carries its codes without passing through a call
// (array methods that only pick or reorder items do not count as one).
const PASS_THROUGH = new Set(['map', 'filter', 'slice', 'concat', 'reverse', 'flat']);

function addCardResultParam(fn) {
  // success/complete callback of an addCard options object
  const parent = fn.parent;
  if (parent && parent.type === 'Property' && (propName(parent) === 'success' || propName(parent) === 'complete')) {
    const obj = parent.parent;
    const call = obj && obj.parent;
    if (call && call.type === 'CallExpression' && call.arguments[0] === obj && apiOf(call) === 'addCard') return fn.params[0];
  }
  // wx.addCard(…).then(res => …)
  if (parent && parent.type === 'CallExpression' && parent.arguments[0] === fn && memberName(unwrapTS(parent.callee)) === 'then') {
    const target = unwrapTS(unwrapTS(parent.callee).object);
    if (target.type === 'CallExpression' && apiOf(target) === 'addCard') return fn.params[0];
  }
  return null;
}

const opencardDecrypted = {
  meta: meta('opencard-decrypted'),
  create(context) {
    const tainted = []; // stack of Sets of names, one per function
    const names = () => tainted[tainted.length - 1];
    const isTainted = (n, items) => {
      n = unwrapTS(n);
      if (!n) return false;
      if (n.type === 'Identifier') return tainted.some((s) => s.has(n.name)) || (items && items.has(n.name));
      if (n.type === 'MemberExpression') {
        const m = memberName(n);
        if (m === 'cardList' || m === 'code' || n.computed) return isTainted(n.object, items) || (m === 'cardList' && isResult(n.object));
        return false;
      }
      if (n.type === 'CallExpression') {
        const c = unwrapTS(n.callee);
        const m = memberName(c);
        if (!PASS_THROUGH.has(m) || !isTainted(c.object, items)) return false;
        if (m !== 'map') return true;
        const fn = n.arguments[0];
        if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || !fn.params[0] || fn.params[0].type !== 'Identifier') return false;
        const inner = new Set([fn.params[0].name]);
        const body = fn.body.type === 'BlockStatement' ? null : unwrapTS(fn.body);
        return body ? isTainted(body, inner) || codeFrom(body, inner) : false;
      }
      if (n.type === 'ArrayExpression') return n.elements.some((e) => e && (isTainted(e, items) || codeFrom(e, items)));
      if (n.type === 'ObjectExpression') return codeFrom(n, items);
      return false;
    };
    // An object literal whose code is a tainted item's code.
    const codeFrom = (n, items) => {
      n = unwrapTS(n);
      if (!n || n.type !== 'ObjectExpression') return false;
      const p = n.properties.find((q) => q.type === 'Property' && propName(q) === 'code');
      return !!p && isTainted(p.value, items);
    };
    const isResult = (n) => unwrapTS(n).type === 'Identifier' && tainted.some((s) => s.has(unwrapTS(n).name + '\u0000result'));
    const enter = (fn) => {
      const s = new Set();
      const p = addCardResultParam(fn);
      if (p && p.type === 'Identifier') s.add(p.name + '\u0000result');
      if (p && p.type === 'ObjectPattern') {
        for (const q of p.properties) {
          if (q.type === 'Property' && propName(q) === 'cardList' && q.value.type === 'Identifier') s.add(q.value.name);
        }
      }
      tainted.push(s);
    };
    const exit = () => tainted.pop();
    return {
      ':function': enter,
      ':function:exit': exit,
      VariableDeclarator(d) {
        if (!tainted.length || d.id.type !== 'Identifier' || !d.init) return;
        const init = unwrapTS(d.init);
        // const res = await wx.addCard(…)
        if (init.type === 'AwaitExpression' && unwrapTS(init.argument).type === 'CallExpression' && apiOf(unwrapTS(init.argument)) === 'addCard') {
          names().add(d.id.name + '\u0000result');
          return;
        }
        if (isTainted(init)) names().add(d.id.name);
      },
      CallExpression(node) {
        if (apiOf(node) !== 'openCard' || !tainted.length) return;
        const arg = node.arguments[0] && resolve(context, node.arguments[0]);
        if (!arg || arg.type !== 'ObjectExpression') return;
        const list = arg.properties.find((p) => p.type === 'Property' && propName(p) === 'cardList');
        if (list && isTainted(list.value)) context.report({ node: list.value, message: say(context, 'opencard-encrypted') });
      },
    };
  },
};

// no-client-secret: every key, declared name, assigned member and string of
// the file that could name a secret goes to the core as lint requests (JSON
// files without card payloads, which the core scans for secrets; one for
// most files, see secretFiles); what it reports maps back to the node.
// Only what could be one is sent, by the core's own lists (js/rules.js):
// a name that, lowercased and stripped to letters and digits, ends with one
// of its names (keyword, tokenExpiry and apiKeyHint are not sent) …
const squeeze = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const maybeSecretName = (name) => {
  const n = squeeze(name);
  return SECRET_NAMES.some((s) => n.endsWith(s));
};
// … and a string holding one of its markers: a percent escape or a PEM key
// at once, a query's `=` only beside one of the names (most strings with an
// `=`, page paths and query strings, name none).
const maybeSecretText = (s) =>
  SECRET_MARKERS.some((m) => m !== '=' && s.includes(m)) || (s.includes('=') && SECRET_NAMES.some((n) => squeeze(s).includes(n)));

const noClientSecret = {
  meta: meta('no-client-secret'),
  create(context) {
    const found = []; // {node, name, value} or {node, text}
    const staticText = (v) => {
      v = v && unwrapTS(v);
      if (!v) return null;
      if (v.type === 'Literal' && typeof v.value === 'string') return v.value;
      if (v.type === 'TemplateLiteral' && v.expressions.length === 0) return v.quasis[0].value.cooked;
      return null;
    };
    // A function is not a value that could hold the secret: getTicket() {…}
    // or const fetchAccessToken = () => … name what they do.
    const isFunction = (v) => !!v && /^(Function|ArrowFunction)Expression$/.test(unwrapTS(v).type);
    // The name is checked with a stand-in value (only whether it is empty
    // matters); a string value is checked as a string, once, at the string.
    const named = (node, name, value) => {
      if (maybeSecretName(name) && !isFunction(value)) {
        found.push({ node, name, value: staticText(value) === '' ? '' : 'x' });
      }
    };
    return {
      Property(p) {
        if (p.parent.type !== 'ObjectExpression') return;
        const name = propName(p);
        if (name !== null) named(p.key, name, p.value);
      },
      // class fields: static APP_SECRET = '…', #session_key
      PropertyDefinition(p) {
        const name = p.key.type === 'PrivateIdentifier' ? p.key.name : propName(p);
        if (name !== null) named(p.key, name, p.value);
      },
      VariableDeclarator(d) {
        if (d.id.type === 'Identifier') named(d.id, d.id.name, d.init);
      },
      AssignmentExpression(a) {
        const m = memberName(unwrapTS(a.left));
        if (m) named(unwrapTS(a.left).property, m, a.right);
        else if (a.left.type === 'Identifier') named(a.left, a.left.name, a.right);
      },
      Literal(l) {
        if (typeof l.value === 'string' && maybeSecretText(l.value)) found.push({ node: l, text: l.value });
      },
      // `…?access_token=${token}`: the parts around each expression, with a
      // stand-in for its value (a secret in a query is one whatever its value).
      TemplateLiteral(t) {
        const text = t.quasis.map((q) => q.value.cooked || '').join('x ');
        if (maybeSecretText(text)) found.push({ node: t, text });
      },
      'Program:exit'() {
        if (!found.length) return;
        for (const { content, items } of secretFiles(found)) {
          reportSecrets(context, found, items, core().lint({ files: [{ path: 'source.json', content }] }, { locale: localeOf(context) }));
        }
      },
    };
  },
};

// The core reads at most 1 MiB of a lint file (beyond that it answers only
// payload-limit) and lists at most 1,000 diagnostics of one: the entries go
// in as many files as that takes, ASCII-only JSON (so characters are bytes).
// An entry too long for a file by itself (a string of about a MiB) is not
// checked.
const SECRET_FILE_ENTRIES = 500;

function secretFiles(found) {
  const files = [];
  let parts = [];
  let items = [];
  let size = 2;
  const flush = () => {
    if (parts.length) files.push({ content: '[' + parts.join(',') + ']', items });
    parts = [];
    items = [];
    size = 2;
  };
  found.forEach((f, i) => {
    const entry = f.text !== undefined ? '{"v":' + asciiJSON(f.text) + '}' : '{' + asciiJSON(f.name) + ':' + asciiJSON(f.value) + '}';
    if (entry.length + 2 > MAX_FILE_BYTES) return;
    if (size + entry.length + 1 > MAX_FILE_BYTES || parts.length === SECRET_FILE_ENTRIES) flush();
    parts.push(entry);
    items.push(i);
    size += entry.length + 1;
  });
  flush();
  return files;
}

function reportSecrets(context, found, items, out) {
  const seen = new Set();
  for (const d of out.diagnostics) {
    if (d.code !== 'secret-in-payload') continue;
    const i = items[Number(d.path.split('/')[1])];
    if (!Number.isInteger(i) || seen.has(i) || !found[i]) continue;
    seen.add(i);
    const node = found[i].node;
    const message = `${d.message} (${d.code})`;
    // A TypeScript identifier's node spans its type annotation too: the name only.
    if (node.type === 'Identifier' && node.typeAnnotation) {
      const sc = context.sourceCode;
      context.report({ loc: { start: node.loc.start, end: sc.getLocFromIndex(node.range[0] + node.name.length) }, message });
    } else {
      context.report({ node, message });
    }
  }
}

const rules = {
  payload,
  'cardext-string': cardextString,
  'timestamp-seconds': timestampSeconds,
  'opencard-decrypted': opencardDecrypted,
  'no-client-secret': noClientSecret,
};

const plugin = {
  meta: { name: 'wxcard', version: '0.1.0' },
  rules,
  configs: {},
};
plugin.configs.recommended = {
  name: 'wxcard/recommended',
  plugins: { wxcard: plugin },
  rules: Object.fromEntries(RULE_META.map((r) => ['wxcard/' + r.name, r.recommended])),
};

export { rules, RULE_META as ruleMeta };
export const configs = plugin.configs;
export default plugin;
