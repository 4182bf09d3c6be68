// wxcard/eslint through ESLint itself: RuleTester cases for each rule (the
// positions asserted; cardext-string's autofix and timestamp-seconds'
// suggestions asserted as output), JS and TypeScript (@typescript-eslint/parser),
// wx, uni and Taro; the sample mini program of tests/miniprogram and a
// deliberately broken page linted with configs.recommended; odd but
// parseable files that must never make the plugin throw; and a 2,000-file
// generated project linted with and without the plugin (times reported, not
// asserted: bench/eslint.mjs measures them).
import test, { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { ESLint, Linter, RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin, { rules, configs, ruleMeta } from '../eslint.js';
import { JS_DIR, REPO } from './helpers.js';
import { writeProject, projectConfig, MINIPROGRAM_GLOBALS } from './eslint-project.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const TS = { languageOptions: { parser: tsParser }, filename: 'page.ts' };

const CARD = 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc';
const NONCE = 'k3J8s9Qm2LxP0aZ1';
const SIG = 'c5a8f1f0d6a4c4f2f3f7a1f09f4d9c3c8e6b2a10';
const COUPON = '1222080000000002';
const COUPON_SIGN = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const GOOD_EXT = `JSON.stringify({ timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' })`;
const LAUNCH_EXTRA = `{ encrypt_card_id: 'V3V7t+n8', outer_str: 'channel1', biz: 'MzI0MDAxNTU3MQ==' }`;

/**
 * Where `needle` is in `code` (its first occurrence at or after `after`, if
 * given), as ESLint reports a location: 1-based lines and columns, the end
 * column just past the last character.
 */
function at(code, needle, after) {
  const from = after === undefined ? 0 : code.indexOf(after);
  assert.ok(from >= 0, `${after} is not in the code`);
  const i = code.indexOf(needle, from);
  assert.ok(i >= 0, `${needle} is not in the code`);
  const pos = (k) => {
    const before = code.slice(0, k);
    return { line: before.split('\n').length, column: k - before.lastIndexOf('\n') };
  };
  const s = pos(i);
  const e = pos(i + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** An error of a payload finding: the core's code at the end of the message, at `needle`. */
const finding = (code, coreCode, needle, after) => ({ message: new RegExp(`\\(${coreCode}\\)$`), ...at(code, needle, after) });

/** An invalid case: each error is [message, the text it must cover, the text it comes after (optional)]. */
const invalid = (code, errors, extra = {}) => ({
  code,
  ...extra,
  errors: errors.map(([message, needle, after]) => ({ message, ...at(code, needle, after) })),
});

test('the plugin: rules, metadata and configs.recommended agree', () => {
  assert.deepEqual(Object.keys(rules).sort(), ruleMeta.map((r) => r.name).sort());
  assert.equal(plugin.rules, rules);
  assert.equal(plugin.configs, configs);
  assert.equal(configs.recommended.plugins.wxcard, plugin);
  assert.deepEqual(
    configs.recommended.rules,
    Object.fromEntries(ruleMeta.map((r) => [`wxcard/${r.name}`, 'error'])),
  );
  for (const r of ruleMeta) {
    assert.equal(typeof rules[r.name].create, 'function', r.name);
    assert.equal(rules[r.name].meta.fixable, r.fixable, `${r.name}: fixable`);
    assert.equal(!!rules[r.name].meta.hasSuggestions, !!r.hasSuggestions, `${r.name}: hasSuggestions`);
    assert.ok(rules[r.name].meta.docs.url.endsWith(`#eslint-${r.name}`), `${r.name}: docs url`);
  }
});

test('require("wxcard/eslint") gives the same plugin (the CommonJS build)', () => {
  const cjs = createRequire(import.meta.url)('../eslint.cjs');
  assert.deepEqual(Object.keys(cjs.rules), Object.keys(rules));
  assert.deepEqual(cjs.configs.recommended.rules, configs.recommended.rules);
  const linter = new Linter();
  const code = `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: { timestamp: 1700000000 } }] })`;
  const esm = linter.verify(code, [configs.recommended]);
  const req = linter.verify(code, [cjs.configs.recommended]);
  assert.ok(esm.length > 0);
  assert.deepEqual(req, esm);
});

// ---- wxcard/payload ------------------------------------------------------------

// String-literal cardExts whose findings must land on exactly the source
// characters of the bad value, through JS escapes (\u00e9, \x41, \", \\, \')
// in single and double quotes, and in a template literal without expressions.
const ESC_SINGLE = String.raw`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000,"nonce_str":"caf\u00e9\x41\\\"\'x","signature":"${SIG}"}' }] })`;
const ESC_DOUBLE = String.raw`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: "{\"timestamp\":1700000000,\"nonce_str\":\"\u00e9\x41'\\\"\",\"signature\":\"${SIG}\"}" }] })`;
const ESC_LONG = String.raw`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000,"nonce_str":"${NONCE}\u0041\x42\u{43}DEFGHIJKLMNOPQ","signature":"${SIG}"}' }] })`;
const ESC_SYNTAX = String.raw`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000\\}' }] })`;
const TEMPLATE = `wx.addCard({
  cardList: [{
    cardId: '${CARD}',
    cardExt: \`{
      "timestamp": 1700000000000,
      "nonce_str": "${NONCE}",
      "signature": "${SIG}"
    }\`
  }]
})`;
const TEMPLATE_ESC = `Taro.addCard({ cardList: [{ cardId: '${CARD}', cardExt: \`{"timestamp":1700000000,"nonce_str":"\\u00e9\\\`x\\x41","signature":"${SIG}"}\` }] })`;
const KEYS_IN_STRING = `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000,"nonceStr":"${NONCE}","signature":"${SIG}","timestamp":1}' }] })`;
const STRINGIFY_BAD_KEY = `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, nonceStr: '${NONCE}', signature: '${SIG}' }) }] })`;
const CONST_EXT = `const ext = { timestamp: 1700000000, nonce_str: '${NONCE}', signature: 'c5a8f1f0' }
const item = { cardId: '${CARD}', cardExt: JSON.stringify(ext) }
wx.addCard({ cardList: [item] })`;
const COUPON_BAD = `Taro.addCard({
  cardList: [
    { cardId: '${COUPON}', cardExt: JSON.stringify({ out_request_no: 'req 001', send_coupon_merchant: '1900000109', sign: 'abc' }) },
    { cardId: '1222080000000003', cardExt: JSON.stringify({ coupon_code: 'x1' }) }
  ]
})`;
const TS_PAGE = `interface CardExt { timestamp: number; nonce_str: string; signature: string }
const ext: CardExt = { timestamp: 1700000000, nonce_str: '${NONCE}', signature: 'not-a-sha1' } as const
const cardList = [{ cardId: '${CARD}' as string, cardExt: JSON.stringify(ext) }] satisfies WechatMiniprogram.AddCardOption['cardList']
wx.addCard({ cardList } as WechatMiniprogram.AddCardOption)`;
const TS_ASSERTION = `uni.addCard({ cardList: [{ cardId: <string>'${CARD}', cardExt: <string>'{"timestamp":1700000000,"signature":"${SIG}"}' }] })`;

ruleTester.run('wxcard/payload', rules.payload, {
  valid: [
    // Static and right, with its callbacks (not part of the payload).
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ${GOOD_EXT} }], success() {}, fail: (err) => console.error(err), complete: function () {} })`,
    // A right string cardExt with a JSON escape, and a template literal.
    String.raw`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000,"nonce_str":"\\u006b3J8s9Qm2LxP0aZ1","signature":"${SIG}"}' }] })`,
    `uni.addCard({ cardList: [{ cardId: '${CARD}', cardExt: \`{"timestamp":1700000000,"nonce_str":"${NONCE}","signature":"${SIG}"}\` }] })`,
    `Taro.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ${GOOD_EXT} }] })`,
    // Dynamic parts are skipped, never guessed.
    `wx.addCard({ cardList: [{ cardId: this.data.cardId, cardExt: JSON.stringify(this.data.cardExt) }] })`,
    `function claim(card, sig) { wx.addCard({ cardList: [{ cardId: card.id, cardExt: JSON.stringify({ timestamp: sig.timestamp, nonce_str: sig.nonce, signature: sig.signature }) }] }) }`,
    `wx.addCard({ cardList: [{ ...card, cardExt: JSON.stringify(ext) }] })`,
    `wx.addCard({ cardList: cards.map((c) => ({ cardId: c.id, cardExt: c.ext })) })`,
    `wx.addCard(options)`,
    `let ext = {}; ext = { timestamp: 1 }; wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ ...ext }) }] })`,
    // Not JSON (JSON.stringify would write null): skipped, not a syntax error of the whole payload.
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: -1e400, nonce_str: '${NONCE}', signature: '${SIG}' }) }] })`,
    // Other APIs and other objects.
    `wx.request({ url: 'https://example.com/api/card/sign', method: 'POST', data: { cardList: [{ cardId: 'x', cardExt: {} }], timestamp: Date.now() } })`,
    `my.addCard({ cardList: 5 }); wx.addCards({ cardList: 5 }); api.wx.addCard({ cardList: 5 }); wx.addCard.call(wx, { cardList: 5 })`,
    // navigateToMiniProgram to another mini program is not a card payload.
    `wx.navigateToMiniProgram({ appId: 'wx1234567890abcdef', path: 'pages/index/index', extraData: { from: 'card', code: 'x y%20' } })`,
    // The activation component, right (navigate-deprecated is info: off by default).
    `wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: ${LAUNCH_EXTRA} })`,
    `wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: this.data.activation })`,
    // openCard with a plain code, and with the code the server decrypted.
    `wx.openCard({ cardList: [{ cardId: '${CARD}', code: '1434008071' }] })`,
    `wx.request({ url: 'https://example.com/card/decrypt', data: { encrypt_code: res.code }, success: (r) => wx.openCard({ cardList: [{ cardId: '${CARD}', code: r.data.code }] }) })`,
    // A merchant coupon (商家券): no card-signature rules (no timestamp-missing).
    `wx.addCard({ cardList: [{ cardId: '${COUPON}', cardExt: JSON.stringify({ out_request_no: '1900000109_20240101_0001', send_coupon_merchant: '1900000109', sign: '${COUPON_SIGN}' }) }] })`,
    `wx.addCard({ cardList: [{ cardId: '${COUPON}', cardExt: '{"out_request_no":"1900000109_20240101_0001","send_coupon_merchant":"1900000109","sign":"${COUPON_SIGN}"}' }] })`,
    // An object cardExt is cardext-string's to report, not this rule's.
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: { timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' } }] })`,
    // TypeScript: the same payload through as const, annotations and satisfies.
    {
      code: `const ext: Record<string, string | number> = { timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' } as const
wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify(ext) }] satisfies WechatMiniprogram.AddCardOption['cardList'] })`,
      ...TS,
    },
  ],
  invalid: [
    {
      code: ESC_SINGLE,
      errors: [{ message: /^nonce_str contains "é".*\(nonce-charset\)$/, ...at(ESC_SINGLE, String.raw`"caf\u00e9\x41\\\"\'x"`) }],
    },
    {
      code: ESC_DOUBLE,
      errors: [{ message: /^nonce_str contains "é".*\(nonce-charset\)$/, ...at(ESC_DOUBLE, String.raw`\"\u00e9\x41'\\\"\"`) }],
    },
    {
      code: ESC_LONG,
      errors: [finding(ESC_LONG, 'nonce-too-long', String.raw`"${NONCE}\u0041\x42\u{43}DEFGHIJKLMNOPQ"`)],
    },
    // The failing character of a syntax error written as an escape: both of its characters.
    { code: ESC_SYNTAX, errors: [finding(ESC_SYNTAX, 'json-syntax', '\\\\', '1700000000')] },
    {
      code: TEMPLATE_ESC,
      errors: [{ message: /^nonce_str contains "é".*\(nonce-charset\)$/, ...at(TEMPLATE_ESC, '"\\u00e9\\`x\\x41"') }],
    },
    // A template literal over several lines: the line and columns of the value.
    {
      code: TEMPLATE,
      errors: [{ message: /in milliseconds.*\(timestamp-milliseconds\)$/, line: 5, column: 20, endLine: 5, endColumn: 33 }],
    },
    // Keys inside a string: at the key.
    {
      code: KEYS_IN_STRING,
      errors: [
        finding(KEYS_IN_STRING, 'nonce-missing', KEYS_IN_STRING.slice(KEYS_IN_STRING.indexOf(`'{`), KEYS_IN_STRING.indexOf(`}'`) + 2)),
        { message: /^"nonceStr" is not a cardExt field: did you mean "nonce_str"\? \(unknown-field\)$/, ...at(KEYS_IN_STRING, '"nonceStr"') },
        finding(KEYS_IN_STRING, 'duplicate-key', '"timestamp"', ',"timestamp"'),
      ],
    },
    // JSON.stringify({...}) with a misspelt key: unknown-field at the key, what is then missing at the call.
    {
      code: STRINGIFY_BAD_KEY,
      errors: [
        finding(STRINGIFY_BAD_KEY, 'nonce-missing', STRINGIFY_BAD_KEY.slice(STRINGIFY_BAD_KEY.indexOf('JSON.stringify'), -6)),
        { message: /did you mean "nonce_str"\? \(unknown-field\)$/, ...at(STRINGIFY_BAD_KEY, 'nonceStr') },
      ],
    },
    // Through local consts: at the value where it is written.
    { code: CONST_EXT, errors: [finding(CONST_EXT, 'signature-format', `'c5a8f1f0'`)] },
    // Other card mistakes, on wx, uni and Taro.
    {
      code: `uni.addCard({ cardList: [{ cardId: 'FS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: ${GOOD_EXT} }] })`,
      errors: [{ message: /\(card-id-format\)$/, line: 1, column: 36, endLine: 1, endColumn: 65 }],
    },
    invalid(`Taro.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ code: '123456789012345678901', timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' }) }] })`, [
      [/\(code-too-long\)$/, `'123456789012345678901'`],
    ]),
    {
      code: `wx['addCard']({ cardList: 5 })`,
      errors: [{ message: /^cardList must be an array, not a number.*\(payload-shape\)$/, line: 1, column: 27, endLine: 1, endColumn: 28 }],
    },
    // A number cardExt (cardext-string is for objects and arrays).
    invalid(`wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: 1700000000 }] })`, [
      [/^cardExt must be a JSON string, not a number.*\(cardext-not-string\)$/, '1700000000'],
    ]),
    {
      code: `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ${GOOD_EXT} }, { cardId: '${CARD}', cardExt: ${GOOD_EXT} }] })`,
      errors: [{ message: /\(nonce-reused\)$/ }],
    },
    // A merchant coupon: its own rules, and none of the card-signature ones.
    {
      code: COUPON_BAD,
      errors: [
        finding(COUPON_BAD, 'out-request-no-format', `'req 001'`),
        finding(COUPON_BAD, 'coupon-sign-format', `'abc'`),
        finding(COUPON_BAD, 'coupon-field-missing', `JSON.stringify({ coupon_code: 'x1' })`),
      ],
    },
    // openCard and the activation component.
    invalid(`wx.openCard({ cardList: [{ cardId: '${CARD}', code: 'AAAAAAAAAAAAAAAAAAAAAA==' }] })`, [
      [/looks encrypted.*\(code-encrypted\)$/, `'AAAAAAAAAAAAAAAAAAAAAA=='`],
    ]),
    invalid(`Taro.openCard({ cardList: [{ cardId: '${CARD}' }] })`, [[/\(code-missing\)$/, `{ cardId: '${CARD}' }`]]),
    {
      code: `wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: { encrypt_card_id: 'V3V7t%2Bn8', outer_str: 'channel1', biz: 'MzI0MDAxNTU3MQ==' } })`,
      errors: [{ message: /%2B.*\(extra-not-decoded\)$/, line: 1, column: 87, endLine: 1, endColumn: 99 }],
    },
    {
      code: `uni.navigateToMiniProgram({ appId: 'wx1234567890abcdef', extraData: ${LAUNCH_EXTRA} })`,
      errors: [{ message: /^appId must be wxeb490c6f9b154ef9.*\(appid-wrong\)$/, line: 1, column: 36, endLine: 1, endColumn: 56 }],
    },
    // The core's info diagnostics with { info: true }.
    {
      code: `wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9', extraData: ${LAUNCH_EXTRA} })`,
      options: [{ info: true }],
      errors: [{ message: /\(navigate-deprecated\)$/, line: 1, column: 35, endLine: 1, endColumn: 55 }],
    },
    invalid(
      `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}', outer_id: 7 }) }] })`,
      [[/^outer_id is a legacy field.*\(legacy-field\)$/, 'outer_id']],
      { options: [{ info: true }] },
    ),
    // locale zh-CN: the core's Chinese message.
    invalid(
      `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, signature: '${SIG}' }) }] })`,
      [[/^缺少 nonce_str，请求可能被重放：.*\(nonce-missing\)$/, `JSON.stringify({ timestamp: 1700000000, signature: '${SIG}' })`]],
      { options: [{ locale: 'zh-CN' }] },
    ),
    // TypeScript: as const, type annotations, satisfies, angle-bracket assertions.
    { code: TS_PAGE, ...TS, errors: [finding(TS_PAGE, 'signature-format', `'not-a-sha1'`)] },
    {
      code: TS_ASSERTION,
      ...TS,
      errors: [
        finding(TS_ASSERTION, 'nonce-missing', `'{"timestamp":1700000000,"signature":"${SIG}"}'`),
      ],
    },
  ],
});

// ---- wxcard/cardext-string ---------------------------------------------------------

const SHORTHAND = `const cardExt = { timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' }
wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt }] })`;
const CONST_BOUND = `const ext = { timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' }
const list = [{ cardId: '${CARD}', cardExt: ext }]
wx.addCard({ cardList: list, success() {} })`;

ruleTester.run('wxcard/cardext-string', rules['cardext-string'], {
  valid: [
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ${GOOD_EXT} }] })`,
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000}' }] })`,
    `const cardExt = { timestamp: 1700000000 }; wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify(cardExt) }] })`,
    // Dynamic: it may be a string already.
    `function claim(ext) { wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ext }] }) }`,
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: this.data.cardExt }] })`,
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: makeExt({ timestamp: 1 }) }] })`,
    `let ext = { timestamp: 1 }; ext = JSON.stringify(ext); wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: ext }] })`,
    // Other APIs, other hosts, other keys.
    `wx.request({ url: 'https://example.com/sign', data: { cardId: '${CARD}', cardExt: { timestamp: 1 } } })`,
    `wx.openCard({ cardList: [{ cardId: '${CARD}', code: '1434008071', cardExt: {} }] })`,
    `my.addCard({ cardList: [{ cardId: '${CARD}', cardExt: {} }] })`,
    `wx.addCard({ cardList: [{ cardId: '${CARD}', ext: {} }] })`,
  ],
  invalid: [
    {
      code: `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: { timestamp: 1700000000, nonce_str: '${NONCE}' } }] })`,
      output: `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, nonce_str: '${NONCE}' }) }] })`,
      errors: [{ message: 'cardExt is an object; wx.addCard needs a JSON string (iOS reports 签名错误): pass JSON.stringify(cardExt)', line: 1, column: 76, endLine: 1, endColumn: 132 }],
    },
    // Shorthand { cardExt }: the property is written out.
    {
      code: SHORTHAND,
      output: SHORTHAND.replace('cardExt }]', 'cardExt: JSON.stringify(cardExt) }]'),
      errors: [{ message: /^cardExt is an object/, ...at(SHORTHAND, 'cardExt', 'cardId') }],
    },
    // A const bound to an object, through a const list: wrapped where it is used.
    {
      code: CONST_BOUND,
      output: CONST_BOUND.replace('cardExt: ext', 'cardExt: JSON.stringify(ext)'),
      errors: [{ message: /^cardExt is an object/, ...at(CONST_BOUND, 'ext', 'cardExt: ') }],
    },
    invalid(`uni.addCard({ cardList: [{ cardId: '${CARD}', cardExt: [1700000000] }] })`, [[/^cardExt is an array; /, '[1700000000]']], {
      output: `uni.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify([1700000000]) }] })`,
    }),
    // Two items, both fixed in one pass; Taro; zh-CN.
    {
      code: `Taro.addCard({ cardList: [{ cardId: 'a', cardExt: {} }, { cardId: 'b', cardExt: { code: '1' } }] })`,
      output: `Taro.addCard({ cardList: [{ cardId: 'a', cardExt: JSON.stringify({}) }, { cardId: 'b', cardExt: JSON.stringify({ code: '1' }) }] })`,
      options: [{ locale: 'zh-CN' }],
      errors: [
        { message: 'cardExt 是对象；wx.addCard 要求 JSON 字符串（否则 iOS 上报“签名错误”）：请传 JSON.stringify(cardExt)', line: 1, column: 51, endLine: 1, endColumn: 53 },
        { message: /^cardExt 是对象/, line: 1, column: 81, endLine: 1, endColumn: 94 },
      ],
    },
    // TypeScript: the expression is kept as written.
    invalid(
      `const ext = { timestamp: 1700000000 } as const\nwx.addCard({ cardList: [{ cardId: '${CARD}' as string, cardExt: ext as unknown as string }] } satisfies WechatMiniprogram.AddCardOption)`,
      [[/^cardExt is an object/, 'ext as unknown as string']],
      {
        ...TS,
        output: `const ext = { timestamp: 1700000000 } as const\nwx.addCard({ cardList: [{ cardId: '${CARD}' as string, cardExt: JSON.stringify(ext as unknown as string) }] } satisfies WechatMiniprogram.AddCardOption)`,
      },
    ),
  ],
});

// ---- wxcard/timestamp-seconds -------------------------------------------------------

const millis = (expr) => `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: ${expr}, nonce_str: '${NONCE}' }) }] })`;
const SUGGEST = 'Divide by 1000 and floor: Math.floor(… / 1000)';
const CONST_NOW = `const now = Date.now()
wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: now }) }] })
console.log(now - start)`;
const SHORTHAND_TS = `const timestamp = +new Date()
uni.addCard({ cardList: [{ cardId: '${CARD}', cardExt: { timestamp } }] })`;

/** One timestamp-seconds error at `expr` of millis(expr), its suggestion turning it into `fixed`. */
function millisCase(expr, fixed, shown = expr) {
  const code = millis(expr);
  return {
    code,
    errors: [
      {
        message: `timestamp is ${shown}, in milliseconds; WeChat takes unix seconds: use Math.floor(Date.now() / 1000), or better the timestamp the server signed`,
        ...at(code, expr, 'timestamp: '),
        suggestions: [{ desc: SUGGEST, output: millis(fixed) }],
      },
    ],
  };
}

ruleTester.run('wxcard/timestamp-seconds', rules['timestamp-seconds'], {
  valid: [
    millis('Math.floor(Date.now() / 1000)'),
    millis('sig.timestamp'),
    millis('1700000000'),
    millis('Date.now() / 1000 | 0'),
    millis('Math.round(new Date().getTime() / 1000)'),
    // Not the timestamp.
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, outer_str: String(Date.now()) }) }] })`,
    // Not a const: it may have been divided since.
    `let t = Date.now(); t = Math.floor(t / 1000); wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: t }) }] })`,
    // Other APIs.
    `wx.request({ url: 'https://example.com/sign', data: { timestamp: Date.now() } })`,
    `wx.openCard({ cardList: [{ cardId: '${CARD}', code: '1', timestamp: Date.now() }] })`,
    `wx.setStorageSync('card', JSON.stringify({ timestamp: Date.now() }))`,
    // A string cardExt is the payload rule's (timestamp-milliseconds).
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000000}' }] })`,
  ],
  invalid: [
    millisCase('Date.now()', 'Math.floor(Date.now() / 1000)'),
    millisCase('new Date().getTime()', 'Math.floor(new Date().getTime() / 1000)'),
    millisCase('new Date().valueOf()', 'Math.floor(new Date().valueOf() / 1000)'),
    millisCase('+new Date()', 'Math.floor(Date.now() / 1000)'),
    millisCase('Date.parse(x)', 'Math.floor(Date.parse(x) / 1000)'),
    millisCase('String(Date.now())', 'String(Math.floor(Date.now() / 1000))', 'Date.now()'),
    millisCase('Date.now().toString()', 'Math.floor(Date.now() / 1000).toString()', 'Date.now()'),
    millisCase('`${Date.now()}`', '`${Math.floor(Date.now() / 1000)}`', 'Date.now()'),
    // Through a local const: divided where it is used (the const has other uses).
    {
      code: CONST_NOW,
      errors: [
        {
          message: /^timestamp is Date\.now\(\), in milliseconds/,
          ...at(CONST_NOW, 'now', 'timestamp: '),
          suggestions: [{ desc: SUGGEST, output: CONST_NOW.replace('timestamp: now', 'timestamp: Math.floor(now / 1000)') }],
        },
      ],
    },
    // Shorthand { timestamp } in an object cardExt, on uni.
    {
      code: SHORTHAND_TS,
      errors: [
        {
          message: /^timestamp is \+new Date\(\), in milliseconds/,
          ...at(SHORTHAND_TS, 'timestamp', 'cardExt'),
          suggestions: [{ desc: SUGGEST, output: SHORTHAND_TS.replace('{ timestamp }', '{ timestamp: Math.floor(timestamp / 1000) }') }],
        },
      ],
    },
    // fixed_begintimestamp, on Taro, in zh-CN.
    {
      code: `Taro.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, fixed_begintimestamp: Date.parse('2024-06-01') }) }] })`,
      options: [{ locale: 'zh-CN' }],
      errors: [
        {
          message: "fixed_begintimestamp 用的是 Date.parse('2024-06-01')，单位是毫秒；微信要求 unix 秒：请改为 Math.floor(Date.now() / 1000)，最好直接用服务端签名时的 timestamp",
          line: 1,
          column: 140,
          endLine: 1,
          endColumn: 164,
          suggestions: [
            {
              desc: '除以 1000 并取整：Math.floor(… / 1000)',
              output: `Taro.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, fixed_begintimestamp: Math.floor(Date.parse('2024-06-01') / 1000) }) }] })`,
            },
          ],
        },
      ],
    },
    // TypeScript.
    {
      code: `const ext = { timestamp: Date.now() as number, nonce_str: '${NONCE}' } satisfies Record<string, unknown>\nwx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify(ext) }] })`,
      ...TS,
      errors: [
        {
          message: /^timestamp is Date\.now\(\)/,
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 46,
          suggestions: [
            {
              desc: SUGGEST,
              output: `const ext = { timestamp: Math.floor(Date.now() / 1000) as number, nonce_str: '${NONCE}' } satisfies Record<string, unknown>\nwx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify(ext) }] })`,
            },
          ],
        },
      ],
    },
  ],
});

// ---- wxcard/opencard-decrypted ------------------------------------------------------

const ENCRYPTED = /^wx\.openCard is given the codes addCard returned, which are encrypted: decrypt them on the server with card\/code\/decrypt/;
const OPEN_CASES = {
  callback: `wx.addCard({
  cardList,
  success(res) {
    wx.openCard({ cardList: res.cardList })
  }
})`,
  mapped: `uni.addCard({ cardList, success: (res) => {
  const items = res.cardList.map((c) => ({ cardId: c.cardId, code: c.code }))
  uni.openCard({ cardList: items })
} })`,
  destructured: `Taro.addCard({ cardList, complete: ({ cardList: added }) => {
  Taro.openCard({ cardList: added.filter((c) => c.isSuccess) })
} })`,
  then: `wx.addCard({ cardList }).then((res) => {
  wx.openCard({ cardList: [{ cardId: res.cardList[0].cardId, code: res.cardList[0].code }] })
})`,
  awaited: `async function claim(cardList) {
  const res = await wx.addCard({ cardList })
  wx.openCard({ cardList: res.cardList, success() {} })
}`,
  typescript: `async function claim(cardList: WechatMiniprogram.AddCardRequestInfo[]): Promise<void> {
  const res = (await wx.addCard({ cardList })) as WechatMiniprogram.AddCardSuccessCallbackResult
  wx.openCard({ cardList: res.cardList as WechatMiniprogram.OpenCardRequestInfo[] })
}`,
};
const openNeedle = {
  callback: 'res.cardList',
  mapped: 'items',
  destructured: 'added.filter((c) => c.isSuccess)',
  then: '[{ cardId: res.cardList[0].cardId, code: res.cardList[0].code }]',
  awaited: 'res.cardList',
  typescript: 'res.cardList as WechatMiniprogram.OpenCardRequestInfo[]',
};

ruleTester.run('wxcard/opencard-decrypted', rules['opencard-decrypted'], {
  valid: [
    // The codes go to the server, which decrypts them.
    `wx.addCard({ cardList, success(res) {
  wx.request({ url: 'https://example.com/card/decrypt', data: { codes: res.cardList.map((c) => c.code) }, success: (r) => {
    wx.openCard({ cardList: r.data.cardList })
  } })
} })`,
    `async function claim(cardList) {
  const res = await wx.addCard({ cardList })
  const { data } = await decrypt(res.cardList)
  wx.openCard({ cardList: data })
  const codes = await decrypt(res.cardList.map((c) => c.code))
  wx.openCard({ cardList: res.cardList.map((c, i) => ({ cardId: c.cardId, code: codes[i] })) })
}`,
    `wx.addCard({ cardList, success(res) { const plain = decryptAll(res.cardList); wx.openCard({ cardList: plain }) } })`,
    // Not an addCard result.
    `function open(res) { wx.openCard({ cardList: res.cardList }) }`,
    `wx.request({ url: 'https://example.com/cards', success(res) { wx.openCard({ cardList: res.cardList }) } })`,
    `wx.chooseInvoice({ success(res) { wx.openCard({ cardList: res.cardList }) } })`,
    `Page({ open(decryptedCode) { wx.openCard({ cardList: [{ cardId: '${CARD}', code: decryptedCode }] }) } })`,
    // Only the result's size or ids are used.
    `wx.addCard({ cardList, success(res) { if (res.cardList.length) wx.openCard({ cardList: plainCards }) } })`,
    `wx.addCard({ cardList, success(res) { wx.openCard({ cardList: [{ cardId: res.cardList[0].cardId, code: this.data.plainCode }] }) } })`,
    // No openCard.
    `wx.addCard({ cardList, success(res) { console.log(res.cardList) } })`,
  ],
  invalid: Object.entries(OPEN_CASES).map(([name, code]) => ({
    code,
    ...(name === 'typescript' ? TS : {}),
    errors: [{ message: ENCRYPTED, ...at(code, openNeedle[name], 'openCard') }],
  })),
});

// ---- wxcard/no-client-secret ----------------------------------------------------------

const SECRET_NAME = (name) => new RegExp(`^"${name}" is a server secret and must never reach the mini program: .*\\(secret-in-payload\\)$`);
const SECRET_VALUE = /^this value (carries|is a PEM private key).*\(secret-in-payload\)$/;
const PEM = `const key = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----'`;
const TOKEN_URL = "wx.request({ url: 'https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=0f9de62fce790f9a083d5c99e95740ce' })";
const TEMPLATE_URL = 'wx.request({ url: `https://api.weixin.qq.com/card/code/decrypt?access_token=${token}` })';

ruleTester.run('wxcard/no-client-secret', rules['no-client-secret'], {
  valid: [
    // activate_ticket is the mini program's to pass on.
    `const { activate_ticket, card_id, code } = options.referrerInfo.extraData`,
    `wx.request({ url: 'https://example.com/card/activate', data: { activate_ticket: extra.activate_ticket } })`,
    `const url = '/api/activate?activate_ticket=' + t + '&page=1'`,
    // Names that only look like one, and an empty value.
    `const ticketCount = 3; const tokenExpiry = 7200; const apiKeyHint = 'see docs'; const token = 'x'`,
    `const config = { access_token: '', cardId: '${CARD}' }`,
    // Methods named after what they fetch are not secrets.
    `Page({ getTicket() { return wx.request({ url: '/ticket' }) }, fetchAccessToken: () => wx.request({ url: '/token' }) })`,
    `const getApiTicket = function () { return wx.request({ url: '/api/card/ticket' }) }`,
    // Query strings without a secret; a sign the server made.
    `wx.navigateTo({ url: '/pages/card/detail?id=1&from=share' })`,
    `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: JSON.stringify({ timestamp: 1700000000, nonce_str: '${NONCE}', signature: '${SIG}' }) }] })`,
    '',
  ],
  invalid: [
    {
      code: `const API_TICKET = 'HoagFKDcsGMVCIY2vOjf9nGrVZk2Y8QmEitnRkAsBydH1dl8kz6KRvWVz6Q1e9nTBjbnJHFOyeEnzv2jlsQQLw'`,
      errors: [{ message: SECRET_NAME('API_TICKET'), line: 1, column: 7, endLine: 1, endColumn: 17 }],
    },
    {
      code: `const app = { appid: 'wx1234567890abcdef', appsecret: '0f9de62fce790f9a083d5c99e95740ce', component_access_token: token }`,
      errors: [
        { message: SECRET_NAME('appsecret'), line: 1, column: 44, endLine: 1, endColumn: 53 },
        { message: SECRET_NAME('component_access_token'), line: 1, column: 91, endLine: 1, endColumn: 113 },
      ],
    },
    {
      code: `this.access_token = res.data.token; obj['session_key'] = key`,
      errors: [
        { message: SECRET_NAME('access_token'), line: 1, column: 6, endLine: 1, endColumn: 18 },
        { message: SECRET_NAME('session_key'), line: 1, column: 41, endLine: 1, endColumn: 54 },
      ],
    },
    { code: TOKEN_URL, errors: [{ message: /^this value carries "secret"/, ...at(TOKEN_URL, TOKEN_URL.slice(TOKEN_URL.indexOf(`'`), TOKEN_URL.lastIndexOf(`'`) + 1)) }] },
    { code: TEMPLATE_URL, errors: [{ message: /^this value carries "access_token"/, ...at(TEMPLATE_URL, '`https://api.weixin.qq.com/card/code/decrypt?access_token=${token}`') }] },
    // Named `key` and holding a PEM private key: reported once, at the string.
    { code: PEM, errors: [{ message: SECRET_VALUE, ...at(PEM, PEM.slice(PEM.indexOf(`'`))) }] },
    { code: `const redirect = 'next=%2Fpay%3Faccess_token%3Dabc'`, errors: [{ message: /^this value carries "access_token"/, line: 1, column: 18, endLine: 1, endColumn: 52 }] },
    // Class fields, a TypeScript annotation (the name only), zh-CN.
    {
      code: `class Api { static APP_SECRET = '0f9de62fce790f9a083d5c99e95740ce'; #mch_key = 'x' }`,
      errors: [
        { message: SECRET_NAME('APP_SECRET'), line: 1, column: 20, endLine: 1, endColumn: 30 },
        { message: SECRET_NAME('mch_key'), line: 1, column: 69, endLine: 1, endColumn: 77 },
      ],
    },
    {
      code: `const session_key: string = wx.getStorageSync('k')\nexport const api = { private_key: key as string }`,
      ...TS,
      errors: [
        { message: SECRET_NAME('session_key'), line: 1, column: 7, endLine: 1, endColumn: 18 },
        { message: SECRET_NAME('private_key'), line: 2, column: 22, endLine: 2, endColumn: 33 },
      ],
    },
    {
      code: `const jsapi_ticket = t`,
      options: [{ locale: 'zh-CN' }],
      errors: [{ message: /^"jsapi_ticket" .*\(secret-in-payload\)$/u, line: 1, column: 7, endLine: 1, endColumn: 19 }],
    },
  ],
});

// ---- the sample mini program, and a broken page ---------------------------------------------

const MINIPROGRAM = join(REPO, 'tests', 'miniprogram');
const FIXTURES = join(JS_DIR, 'test', 'fixtures', 'eslint');

/** ESLint with configs.recommended over mini program sources (CommonJS, the mini program globals). */
function miniprogramESLint(cwd, options = {}) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.js'], languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: MINIPROGRAM_GLOBALS } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser, globals: MINIPROGRAM_GLOBALS } },
      configs.recommended,
    ],
    ...options,
  });
}

test('the sample mini program (tests/miniprogram) passes configs.recommended: its card calls are right', async () => {
  const eslint = miniprogramESLint(MINIPROGRAM);
  const results = await eslint.lintFiles(['app.js', 'pages/**/*.js', 'components/**/*.js']);
  const files = results.map((r) => relative(MINIPROGRAM, r.filePath)).sort();
  assert.deepEqual(files, ['app.js', 'components/add-card/index.js', 'components/claim-card/index.js', 'pages/index/index.js']);
  // It does make the calls the rules look at.
  const sources = results.map((r) => readFileSync(r.filePath, 'utf8')).join('\n');
  for (const call of ['wx.addCard(', 'wx.openCard(', 'wx.navigateToMiniProgram(']) assert.ok(sources.includes(call), call);
  for (const r of results) assert.deepEqual(r.messages, [], relative(MINIPROGRAM, r.filePath));
});

test('a broken page (test/fixtures/eslint) gets exactly its mistakes from configs.recommended', async () => {
  const eslint = miniprogramESLint(FIXTURES);
  const [result] = await eslint.lintFiles(['broken-page.js']);
  const got = result.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.severity, m.message.replace(/:.*?(\([a-z-]+\))?$/, ' $1').trim()]);
  assert.deepEqual(got, [
    ['wxcard/no-client-secret', 4, 7, 4, 17, 2, '"API_TICKET" is a server secret and must never reach the mini program (secret-in-payload)'],
    ['wxcard/cardext-string', 13, 20, 13, 108, 2, 'cardExt is an object; wx.addCard needs a JSON string (iOS reports 签名错误)'],
    ['wxcard/timestamp-seconds', 13, 33, 13, 43, 2, 'timestamp is Date.now(), in milliseconds; WeChat takes unix seconds'],
    ['wxcard/payload', 17, 57, 17, 95, 2, 'nonce_str is 36 characters long; at most 32 are allowed (nonce-too-long)'],
    ['wxcard/opencard-decrypted', 21, 33, 21, 45, 2, 'wx.openCard is given the codes addCard returned, which are encrypted'],
  ]);
  assert.equal(result.fixableErrorCount, 1, 'cardext-string is fixable');
  assert.equal(result.messages[2].suggestions.length, 1, 'timestamp-seconds suggests');
  // The fix, applied: the object becomes JSON.stringify(…), and nothing else changes.
  const [fixed] = await miniprogramESLint(FIXTURES, { fix: true }).lintFiles(['broken-page.js']);
  const source = readFileSync(join(FIXTURES, 'broken-page.js'), 'utf8');
  assert.equal(
    fixed.output,
    source.replace(
      `cardExt: { timestamp: Date.now(), nonce_str: 'k3J8s9Qm2LxP0aZ1', signature: this.data.signature }`,
      `cardExt: JSON.stringify({ timestamp: Date.now(), nonce_str: 'k3J8s9Qm2LxP0aZ1', signature: this.data.signature })`,
    ),
  );
  assert.deepEqual(fixed.messages.map((m) => m.ruleId), ['wxcard/no-client-secret', 'wxcard/timestamp-seconds', 'wxcard/payload', 'wxcard/opencard-decrypted']);
});

// ---- never throws --------------------------------------------------------------------------

function oddFiles() {
  const deep = (n) => '{ x: '.repeat(n) + '1' + ' }'.repeat(n);
  const deepJSON = '{"x":'.repeat(3000) + '1' + '}'.repeat(3000);
  return {
    'empty.js': '',
    'comment.js': '// nothing here\n',
    'calls.js': [
      'wx.addCard()',
      'wx.addCard(...args)',
      "wx['addCard']({cardList: 5})",
      'wx.addCard(null); wx.addCard(1); wx.addCard("x"); wx.addCard([]); wx.addCard(() => {})',
      'wx.addCard({ cardList: [] }); wx.addCard({ cardList: [null, , 1, ...more] }); wx.addCard({ cardList: [{}] })',
      'wx.addCard({ cardList: [{ cardExt }] }); wx.addCard({ cardList: [{ cardId: 1, cardExt: 2 }] })',
      "wx.openCard(); wx.openCard({ cardList: 'x' }); wx.openCard({ cardList: [{ code: null }] })",
      "wx.navigateToMiniProgram(); wx.navigateToMiniProgram({ appId: 'wxeb490c6f9b154ef9' }); wx.navigateToMiniProgram({ extraData: { biz: 1 } })",
      "wx?.addCard?.({ cardList: [{ cardId: 'p', cardExt: '{' }] }); (wx.addCard)({ cardList: [{ cardId: 'p', cardExt: '' }] })",
      'new wx.addCard({}); wx.addCard`x`; wx.addCard.apply(wx, [{ cardList: 5 }]); wx.openCard.bind(wx)',
      'const wx = { addCard() {} }; wx.addCard({ cardList: 5 })',
    ].join('\n'),
    'cycles.js': [
      'const a = b; const b = a;',
      'const c = d2, d2 = c;',
      'const e = e;',
      'wx.addCard(a); wx.addCard({ cardList: a }); wx.addCard({ cardList: [{ cardId: a, cardExt: a }] }); wx.openCard({ cardList: c })',
      'const f = { cardList: [{ cardId: "p", cardExt: f }] }; wx.addCard(f)',
      'const g = [g]; wx.addCard({ cardList: g })',
      'wx.addCard({ cardList: [{ cardId: "p", cardExt: JSON.stringify({ timestamp: e, code: c }) }] })',
    ].join('\n'),
    'getters.js': [
      'const d = { get cardList() { return []; }, set x(v) {} }; wx.addCard(d)',
      'wx.addCard({ get cardList() { return []; }, cardList: 1 })',
      'wx.addCard({ cardList: [{ cardId: "p", get cardExt() { return "{}"; }, set cardExt(v) {} }] })',
      'wx.addCard({ cardList: [{ cardId: "p", cardExt() {} }] })',
      'class K { api_ticket = 1; static #session_key = 2; get access_token() { return 1; } static { wx.addCard({ cardList: 1 }) } }',
    ].join('\n'),
    'computed.js': [
      'wx.addCard({ [k]: 1, [`cardList`]: [{ ["cardExt"]: { ...s }, [1 + 1]: 2 }] })',
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: `{\"timestamp\": 1}`, 0: 1, 1e3: 2, [1n]: 3, [/x/]: 4, [null]: 5, [`a${b}`]: 6 }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify({ [Symbol.iterator]: 1, ['__proto__']: 2, __proto__: null, constructor: 3 }) }] })",
    ].join('\n'),
    'spread.js': [
      'wx.addCard({ ...opts, cardList: [{ ...item, cardExt: JSON.stringify({ ...x, timestamp: Date.now() }) }] })',
      'wx.addCard({ cardList: [...cards, { cardId: "p", cardExt: {} }] })',
      'wx.openCard({ ...o, cardList: [...res.cardList] })',
      'const { cardList, ...rest } = o; wx.addCard({ cardList, ...rest })',
    ].join('\n'),
    'values.js': [
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify() }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify(a, null, 2) }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify(JSON.stringify(JSON.stringify({ a: 1 }))) }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: { timestamp: 1n, nonce_str: /x/, signature: -0, code: -1e400, x: 1e400, y: NaN, z: undefined, w: void 0, v: -'1', u: !0, t: typeof x } }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: '\\u{1F600}\\\nx\\0\"\\u2028\u2028' }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: `{\"a\":\"\\r\\n\\u{1F600}\"` }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: '\\ud83d' }] }); wx.addCard({ cardList: [{ cardId: '\\udc00\\ud800', cardExt: '{\"code\":\"\\ud800\"}' }] })",
      "wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify({ timestamp: `${Date.now()}`, fixed_begintimestamp: Date.parse(), nonce_str: String() }) }] })",
      'wx.addCard({ cardList: [{ cardId: "p", cardExt: JSON.stringify({ timestamp: +new Date }) }] })',
    ].join('\n'),
    'functions.js': [
      'function f({ cardList } = {}) { wx.openCard({ cardList }); }',
      'wx.addCard({ cardList: l, success: function (res) { const { cardList: [first] } = res; wx.openCard({ cardList: [first] }); } })',
      'wx.addCard({ cardList: l, success: async (res) => { for (const x of res.cardList) wx.openCard({ cardList: [x] }); } })',
      'wx.addCard({ cardList: l, success() {} }); wx.addCard({ cardList: l, success: (...a) => wx.openCard({ cardList: a }) })',
      'wx.addCard({ cardList: l }).then(); wx.addCard({ cardList: l }).then(function () {}); wx.addCard({ cardList: l }).then(async ({ cardList: [c] = [] }) => wx.openCard({ cardList: [c] }))',
      'wx.addCard({ cardList: l, success: (res) => wx.openCard({ cardList: res.cardList.map((c) => { return c; }) }) })',
      'wx.addCard({ cardList: l, success: (res) => wx.openCard({ cardList: res.cardList.map() }) })',
      'wx.addCard({ cardList: l, success: (res) => wx.openCard({ cardList: res.cardList.map(({ code }) => code) }) })',
      'wx.addCard({ cardList: l, success: (res) => wx.openCard(res) }); wx.addCard({ cardList: l, success: (res) => wx.openCard({ cardList: res["cardList"][i] }) })',
      'function* g() { yield wx.addCard({ cardList: yield }); }',
    ].join('\n'),
    'secrets.js': [
      "const access_token = 'x', { api_ticket } = o, [appsecret] = o, { a: { session_key } } = o;",
      "obj.client_secret = 'abc'; obj['session_key'] = 1; ({ a: secret } = o); [ticket] = o; ticket += 'x'; x.y.z.mch_key ||= 1;",
      "`${a}access_token=x${b}`; String.raw`\\u${x}`; tag`access_token=${t}`; let ticket;",
      "const o2 = { 'api-ticket': 1, [`${k}_secret`]: 2, 'access%5Ftoken': 3, '': 4, '\\u0000': 5 };",
      "const pem = '-----BEGIN RSA PRIVATE KEY-----'; const q = '%%%%=%=&&==';",
    ].join('\n'),
    'deep.js': [
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify(${deep(300)}) }] })`,
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: ${JSON.stringify(deepJSON)} }] })`,
      `wx.addCard(${deep(200)})`,
      `wx.addCard({ cardList: [${deep(150)}] })`,
      `const s = ${'('.repeat(100)}wx.addCard({ cardList: 5 })${')'.repeat(100)}`,
      // Each JSON.stringify doubles the escapes: past the input cap, skipped.
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: ${'JSON.stringify('.repeat(30)}{ a: '\\"' }${')'.repeat(30)} }] })`,
      `wx.addCard({ cardList: l, success(res) { wx.openCard({ cardList: res.cardList${'[0]'.repeat(3000)} }) } })`,
      `const x = ${'['.repeat(300)}${']'.repeat(300)}; wx.addCard({ cardList: x })`,
      `const y = ${'- '.repeat(300)}1; const z = ${'+ '.repeat(300)}new Date(); wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify({ timestamp: z, fixed_begintimestamp: y }) }] })`,
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: JSON.stringify({ timestamp: ${'String('.repeat(300)}Date.now()${')'.repeat(300)} }) }] })`,
    ].join('\n'),
    'huge.js': [
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: '${'a'.repeat(2_000_000)}' }] })`,
      `wx.addCard({ cardList: [{ cardId: 'p', cardExt: '${'b'.repeat(17_000_000)}' }] })`,
      `const s = 'a=${'x'.repeat(2_000_000)}'`,
      `const t = 'access_token=${'y'.repeat(17_000_000)}'`,
      `wx.addCard({ cardList: [${Array.from({ length: 3000 }, () => "{ cardId: 'p', cardExt: '{}' }").join(', ')}] })`,
      Array.from({ length: 1200 }, (_, i) => `const t${i}_api_ticket = 't'`).join('\n'),
    ].join('\n'),
    'page.ts': [
      'type Ext = { timestamp: number }',
      'enum Kind { A = 1 }',
      'declare const wx: any',
      'namespace N { export const access_token: string = "" }',
      'const e = <Ext>{ timestamp: Date.now() }',
      'wx.addCard({ cardList: [{ cardId: "p" as const, cardExt: e! }] } as any satisfies unknown)',
      'wx.addCard!({ cardList: [{ cardId: "p", cardExt: JSON.stringify(e satisfies Ext) }] })',
      'abstract class C { abstract api_ticket: string; constructor(private session_key: string) {} }',
      'function f<T extends { access_token: string }>(x: T): asserts x is T {}',
      '(wx as { addCard(o: unknown): void }).addCard({ cardList: 5 })',
    ].join('\n'),
  };
}

test('configs.recommended never throws on odd but parseable files (JS and TypeScript)', { timeout: 300_000 }, (t) => {
  const linter = new Linter();
  const config = [
    { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'script' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.js', '**/*.ts'], ...configs.recommended },
    { files: ['**/*.js', '**/*.ts'], rules: Object.fromEntries(Object.keys(configs.recommended.rules).map((r) => [r, ['error', { locale: 'zh-CN', info: true }]])) },
  ];
  let problems = 0;
  for (const [filename, code] of Object.entries(oddFiles())) {
    const started = performance.now();
    let messages;
    assert.doesNotThrow(() => {
      messages = linter.verify(code, config, { filename });
    }, filename);
    const fatal = messages.filter((m) => m.fatal);
    assert.deepEqual(fatal, [], `${filename} must parse (the test is about parseable files)`);
    for (const m of messages) {
      assert.match(m.ruleId, /^wxcard\//, `${filename}: ${m.message}`);
      assert.ok(m.line >= 1 && m.column >= 1 && m.endLine >= m.line, `${filename}: ${m.ruleId} has a location`);
    }
    problems += messages.length;
    t.diagnostic(`${filename}: ${messages.length} problems, ${(performance.now() - started).toFixed(0)} ms`);
  }
  assert.ok(problems > 0);
  // And the fixes apply cleanly: the fixed files still parse.
  for (const [filename, code] of Object.entries(oddFiles())) {
    if (code.length > 1_000_000) continue;
    const out = linter.verifyAndFix(code, config, { filename });
    assert.deepEqual(out.messages.filter((m) => m.fatal), [], `${filename}, fixed`);
  }
});

test('huge inputs: a long cardList and many findings in one long literal cost their size once; no secret hides behind a long string', () => {
  const linter = new Linter();
  const items = Array.from({ length: 3000 }, (_, i) => `{ cardId: '${CARD}', cardExt: '{"timestamp":${1700000000 + i},"nonce_str":"${'n'.repeat(40)}","signature":"${SIG}"}' }`);
  const code = `wx.addCard({ cardList: [\n${items.join(',\n')}\n] })`;
  const messages = linter.verify(code, [configs.recommended]);
  // The core lists 1,000 diagnostics of a document (then diagnostics-truncated, info).
  assert.equal(messages.length, 1000);
  messages.forEach((m, i) => {
    assert.match(m.message, /\(nonce-too-long\)$/);
    assert.deepEqual([m.line, m.endLine, m.endColumn - m.column], [i + 2, i + 2, 42], `item ${i}: at its nonce_str`);
  });
  // Many findings inside one long string literal: each at its key, the literal mapped once.
  const keys = Array.from({ length: 1100 }, (_, i) => `"k${String(i).padStart(4, '0')}_${'x'.repeat(400)}":1`);
  const long = `wx.addCard({ cardList: [{ cardId: '${CARD}', cardExt: '{"timestamp":1700000000,"nonce_str":"${NONCE}","signature":"${SIG}",${keys.join(',')}}' }] })`;
  const started = performance.now();
  const unknown = linter.verify(long, [configs.recommended]);
  const ms = performance.now() - started;
  assert.equal(unknown.length, 1000);
  unknown.forEach((m, i) => {
    assert.match(m.message, /\(unknown-field\)$/);
    assert.deepEqual({ line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn }, at(long, keys[i].slice(0, -2)), `key ${i}`);
  });
  assert.ok(ms < 30_000, `${ms} ms: the literal is not mapped once per finding`);
  const secrets = [`const a = '${'x='.repeat(400_000)}'`, ...Array.from({ length: 1200 }, (_, i) => `const t${i}_api_ticket = 't'`), `const z = '?access_token=abc'`].join('\n');
  const found = linter.verify(secrets, [configs.recommended]);
  assert.equal(found.length, 1201);
  assert.ok(found.every((m) => /^"t\d+_api_ticket" is a server secret|"access_token"/.test(m.message)));
});

// ---- a large project ----------------------------------------------------------------------

test('2,000 generated mini program files: the plugin finds exactly the planted mistakes; times with and without it', { timeout: 600_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-eslint-project-'));
  try {
    const { files, planted } = writeProject(dir, 2000);
    assert.equal(files.length, 2000);
    const lint = async (withPlugin) => {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: projectConfig(withPlugin ? plugin : null) });
      const started = performance.now();
      const results = await eslint.lintFiles(['**/*.js']);
      return { ms: performance.now() - started, results };
    };
    const without = await lint(false);
    const withPlugin = await lint(true);
    const messages = (r) => r.results.flatMap((x) => x.messages.map((m) => ({ file: relative(dir, x.filePath), ...m })));
    assert.equal(without.results.length, 2000);
    assert.deepEqual(messages(without), [], 'the generated project is clean for the core rules');
    const found = messages(withPlugin);
    const key = (m) => `${m.file} ${m.ruleId}`;
    assert.deepEqual(found.map(key).sort(), planted.map(key).sort());
    assert.ok(new Set(planted.map((p) => p.ruleId)).size === 5, 'every rule has a planted mistake');
    const ratio = withPlugin.ms / without.ms;
    t.diagnostic(
      `ESLint on ${files.length} files: ${without.ms.toFixed(0)} ms without the plugin, ${withPlugin.ms.toFixed(0)} ms with it ` +
        `(${ratio.toFixed(2)}×, ${((ratio - 1) * 100).toFixed(0)}% added; one run each, the plugin's wasm init included: see make bench-js)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
