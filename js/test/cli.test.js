// The npm CLI: `run` byte-for-byte, the Go CLI's wording for usage and
// file errors, lint's argument parsing, file collection, request building
// and exit statuses. (test/parity.test.js compares it with the Go CLI.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { init, callRaw } from '../index.js';
import { main, parseLintArgs, buildLintRequest, localeFromLang, lintStatus, goQuote, cleanPath, relPath, UsageError, USAGE } from '../cli.js';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();
const BIN = join(JS_DIR, 'bin', 'wxcard.js');
const wxcard = (args, opts = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'buffer', env: { ...process.env, LANG: 'C' }, ...opts });

test('run OP: stdin in, the raw output bytes and one newline out, exit 0', async () => {
  await init();
  const input = Buffer.from('{"payload":{"cardList":[{"cardId":"p1","cardExt":"{}"}]},"options":{}}');
  const r = wxcard(['run', 'validateCardList'], { input });
  assert.equal(r.status, 0, r.stderr.toString());
  assert.ok(r.stdout.equals(Buffer.concat([Buffer.from(callRaw('validateCardList', input)), Buffer.from('\n')])));
  assert.equal(r.stderr.length, 0);
  // Invalid bytes go through untouched too.
  const odd = Buffer.from([0x7b, 0xff, 0x7d]);
  const r2 = wxcard(['run', 'validateCardList'], { input: odd });
  assert.equal(r2.status, 0);
  assert.ok(r2.stdout.equals(Buffer.concat([Buffer.from(callRaw('validateCardList', odd)), Buffer.from('\n')])));
});

test('usage errors: the Go CLI wording, exit 2, where to read about usage', () => {
  const usage = (cmd, msg) => `${cmd}: ${msg}\nRun '${cmd} --help' for usage.\n`;
  const cases = [
    [[], USAGE],
    [['frobnicate'], usage('wxcard', 'unknown command "frobnicate"')],
    [['--frob'], usage('wxcard', 'unknown flag "--frob"')],
    [['help', 'nope'], usage('wxcard help', 'unknown command "nope"')],
    [['help', 'a', 'b'], usage('wxcard help', 'takes at most one command')],
    [['version', 'x'], usage('wxcard version', 'takes no arguments')],
    [['run'], usage('wxcard run', 'want exactly one OP')],
    [['run', 'a', 'b'], usage('wxcard run', 'want exactly one OP')],
    [['run', '--x', 'a'], usage('wxcard run', 'flag provided but not defined: -x')],
    [['lint'], usage('wxcard lint', 'no PATH given')],
    [['lint', '--format', 'xml', '.'], usage('wxcard lint', '--format must be text, json, sarif or github')],
    [['lint', '--locale', 'fr', '.'], usage('wxcard lint', '--locale must be en or zh-CN')],
    [['lint', '--max-warnings', 'many', '.'], usage('wxcard lint', 'invalid value "many" for flag -max-warnings: parse error')],
    [['lint', '--max-warnings', '-2', '.'], usage('wxcard lint', '--max-warnings must be a number of warnings (or -1 for no limit)')],
    [['lint', '--max-warnings', '9223372036854775808', '.'], usage('wxcard lint', 'invalid value "9223372036854775808" for flag -max-warnings: value out of range')],
    [['lint', '--bogus', '.'], usage('wxcard lint', 'flag provided but not defined: -bogus')],
    [['lint', '.', '--format'], usage('wxcard lint', 'flag needs an argument: -format')],
    [['lint', '---x', '.'], usage('wxcard lint', 'bad flag syntax: ---x')],
    [['lint', '/nonexistent/dir/for/wxcard'], 'wxcard lint: cannot read /nonexistent/dir/for/wxcard: no such file or directory\n'],
    [['lint', '--cards', 'nope.json', '.'], 'wxcard lint: --cards: cannot read nope.json: no such file or directory\n'],
    [['lint', 'ojZ8YtyVyr30HheH3CM73y7h4jJE'], 'wxcard lint: refusing an argument that looks like an api_ticket: the ticket is never taken from the command line; set WXCARD_API_TICKET or pass --ticket-file FILE\n'],
    [['lint', '--max-warnings', 'ojZ8YtyVyr30HheH3CM73y7h4jJE', '.'], usage('wxcard lint', 'invalid value "[redacted]" for flag -max-warnings: parse error')],
  ];
  for (const [args, stderr] of cases) {
    const r = wxcard(args, { input: '' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.toString(), stderr, args.join(' '));
    assert.equal(r.stdout.length, 0, args.join(' '));
  }
  const r = wxcard(['lint', '--api-ticket=secret', 'x']);
  assert.equal(r.status, 2);
  assert.match(r.stderr.toString(), /^wxcard: refusing --api-ticket: the api_ticket is a secret/);
  assert.doesNotMatch(r.stderr.toString(), /secret,|=secret/);
});

test('help: the top help, a command help, --help anywhere among lint flags', () => {
  const help = wxcard(['--help']);
  assert.equal(help.status, 0);
  assert.equal(help.stdout.toString(), USAGE);
  assert.match(USAGE, /^  lint     check payload files \(\.json\) and report what is wrong$/m);
  for (const args of [['help', 'lint'], ['lint', '--help'], ['lint', 'x', '-h', '--bogus']]) {
    const r = wxcard(args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout.toString(), /^Usage: wxcard lint \[flags\] PATH\.\.\.\n/);
    assert.equal(r.stderr.length, 0);
  }
  const run = wxcard(['run', '-h']);
  assert.match(run.stdout.toString(), /^Usage: wxcard run OP\n[^]*followed by a newline\./);
});

test('lint flags: defaults, LANG, both spellings, repeated --cards, -- ends flags', () => {
  assert.deepEqual(parseLintArgs(['a.json'], {}), { format: 'text', locale: 'en', cards: [], maxWarnings: -1n, paths: ['a.json'] });
  assert.equal(parseLintArgs(['a'], { LANG: 'zh_CN.UTF-8' }).locale, 'zh-CN');
  assert.equal(parseLintArgs(['a', '--locale', 'en'], { LANG: 'zh_CN.UTF-8' }).locale, 'en');
  assert.equal(parseLintArgs(['a', '--locale='], { LANG: 'ZH_tw' }).locale, 'zh-CN');
  assert.equal(localeFromLang('en_US.UTF-8'), 'en');
  assert.equal(localeFromLang(undefined), 'en');
  assert.equal(localeFromLang('zh_TW.UTF-8'), 'zh-CN');
  const o = parseLintArgs(['--format=sarif', '-max-warnings', '0x1_0', '--cards', 'c.json', 'x', '-cards=d', '--', '--odd']);
  assert.deepEqual(o, { format: 'sarif', locale: 'en', cards: ['c.json', 'd'], maxWarnings: 16n, paths: ['x', '--odd'] });
  assert.deepEqual(parseLintArgs(['-', '--cards', '--', 'y']).paths, ['-', 'y']);
  assert.equal(parseLintArgs(['x', '--help']), null);
  assert.throws(() => parseLintArgs([]), (e) => e instanceof UsageError && e.message === 'no PATH given');
  assert.throws(() => parseLintArgs(['--max-warnings', '1__0', 'x']), /invalid value "1__0" for flag -max-warnings: parse error/);
  assert.throws(() => parseLintArgs(['--max-warnings', '-9223372036854775809', 'x']), /value out of range/);
  assert.equal(parseLintArgs(['--max-warnings', '+9223372036854775807', 'x']).maxWarnings, 2n ** 63n - 1n);
  assert.throws(() => parseLintArgs(['--max-warnings', '-9223372036854775808', 'x']), /^UsageError: --max-warnings must be a number/);
});

test("Go's quoting and path cleaning", () => {
  assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(goQuote('tab\there\n\u0007\u007f'), '"tab\\there\\n\\a\\x7f"');
  assert.equal(goQuote('é中😀 \u00a0\u200b\u{e0001}'), '"é中😀 \\u00a0\\u200b\\U000e0001"');
  assert.equal(cleanPath('./a//b/../c/'), 'a/c');
  assert.equal(cleanPath('/../x'), '/x');
  assert.equal(cleanPath('../../x/..'), '../..');
  assert.equal(cleanPath(''), '.');
  assert.equal(relPath('/a/b', '/a/b'), '.');
  assert.equal(relPath('/a/b', '/a/c/d'), '../c/d');
  assert.equal(relPath('/', '/x/y'), 'x/y');
  assert.equal(relPath('/a/b/c', '/a'), '../..');
});

test('lint request: .json files walked, sorted by byte order, duplicates once, cards merged', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const put = (p, s) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), s);
  };
  put('pay/b.json', '{"cardList":[]}');
  put('pay/B.json', '{"b":1}');
  put('pay/a.json', '{"cardList":[{"cardId":"p1"}]}');
  put('pay/notes.txt', 'not json');
  put('pay/.git/x.json', '{}');
  put('pay/node_modules/m/x.json', '{}');
  put('pay/sub/c.json', '"中文\u2028<&>"');
  put('extra.txt', '{"explicit":true}');
  put('cards/one.json', '{ "pA" : { "use_custom_code" : true } }');
  put('cards/raw.json', '{"errcode":0,"card":{"card_type":"MEMBER_CARD","member_card":{"base_info":{"id":"pB","use_custom_code":false}}}}\n');
  const rel = (p) => relative(process.cwd(), join(dir, p));
  const o = parseLintArgs([join(dir, 'pay'), join(dir, 'extra.txt'), join(dir, 'pay', 'b.json'), '--cards', join(dir, 'cards'), '--format', 'json'], { LANG: 'zh_CN' });
  const bytes = buildLintRequest(o);
  assert.ok(Buffer.isBuffer(bytes));
  const req = JSON.parse(bytes.toString('utf8'));
  assert.deepEqual(
    req.payload.files.map((f) => f.path),
    [rel('extra.txt'), rel('pay/B.json'), rel('pay/a.json'), rel('pay/b.json'), rel('pay/sub/c.json')],
  );
  assert.equal(req.payload.files[4].content, '"中文\u2028<&>"');
  // encoding/json's escapes: U+2028 escaped, <&> as written.
  assert.ok(bytes.includes('"content":"\\"中文\\u2028<&>\\""'));
  assert.deepEqual(req.options.format, 'json');
  assert.deepEqual(req.options.locale, 'zh-CN');
  assert.deepEqual(Object.keys(req.options.cards), ['pA', 'pB']);
  assert.equal(req.options.cards.pB.card.card_type, 'MEMBER_CARD');
  assert.ok(bytes.includes('"cards":{"pA":{"use_custom_code":true},"pB":{"errcode":0,'), 'card definitions compacted');
  assert.deepEqual(Object.keys(req), ['payload', 'options']);

  // End to end: the request reaches the core and the status follows its verdict.
  const r = wxcard(['lint', join(dir, 'pay')]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr.toString());
  assert.equal(r.stderr.length, 0);

  put('badcards.json', '{');
  const bad = wxcard(['lint', '--cards', join(dir, 'badcards.json'), join(dir, 'pay')]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.toString(), `wxcard lint: --cards ${relative(JS_DIR, join(dir, 'badcards.json'))}: not a JSON object of card definitions keyed by cardId\n`);
  put('dup.json', '{"pA":{}}');
  const dup = wxcard(['lint', '--cards', join(dir, 'cards'), '--cards', join(dir, 'dup.json'), join(dir, 'pay')]);
  assert.equal(dup.status, 2);
  assert.match(dup.stderr.toString(), /^wxcard lint: --cards: card "pA" is defined in both \S*cards\/one\.json and \S*dup\.json\n$/);
});

test('lint status: errors → 1, warnings over --max-warnings → 1, else 0', () => {
  const w = { severity: 'warning' };
  assert.equal(lintStatus({ ok: true, diagnostics: [] }, -1), 0);
  assert.equal(lintStatus({ ok: false, diagnostics: [{ severity: 'error' }] }, -1), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, -1), 0);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, 2), 0);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, 1n), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, { severity: 'info' }] }, 0), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [{ severity: 'info' }] }, 0), 0);
});

test('lint prints the report with one final newline and exits by the verdict', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.json'), '{"cardList":[]}');
  const sink = () => {
    const chunks = [];
    return { write: (c) => chunks.push(Buffer.from(c)), text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const run = async (args, output) => {
    const seen = [];
    const stdout = sink();
    const stderr = sink();
    const engine = {
      init: async () => {},
      callRaw: (op, req) => {
        seen.push([op, JSON.parse(Buffer.from(req).toString('utf8'))]);
        return Buffer.from(typeof output === 'string' ? output : JSON.stringify(output));
      },
    };
    const status = await main(args, { stdin: null, stdout, stderr, env: { LANG: 'zh_CN.UTF-8' }, engine });
    return { status, out: stdout.text(), err: stderr.text(), seen };
  };
  const warn = { code: 'nonce-missing', severity: 'warning', path: '/x', message: 'm' };
  const error = { code: 'json-syntax', severity: 'error', path: '', message: 'm' };

  let r = await run(['lint', '--format', 'github', dir], { ok: true, diagnostics: [], output: 'REPORT\n' });
  assert.deepEqual([r.status, r.out, r.err], [0, 'REPORT\n', '']);
  assert.equal(r.seen[0][0], 'lint');
  assert.deepEqual(r.seen[0][1].options, { format: 'github', locale: 'zh-CN' });
  assert.deepEqual(r.seen[0][1].payload.files, [{ path: relative(process.cwd(), join(dir, 'a.json')), content: '{"cardList":[]}' }]);

  r = await run(['lint', '--format', 'json', dir], { ok: true, diagnostics: [], output: '{"runs":[]}' });
  assert.deepEqual([r.status, r.out], [0, '{"runs":[]}\n']);
  r = await run(['lint', dir], { ok: false, diagnostics: [error], output: 'E\n' });
  assert.deepEqual([r.status, r.out], [1, 'E\n']);
  r = await run(['lint', '--max-warnings', '0', dir], { ok: true, diagnostics: [warn], output: 'W\n' });
  assert.deepEqual([r.status, r.out, r.err], [1, 'W\n', 'wxcard lint: 1 warnings, more than --max-warnings 0\n']);
  r = await run(['lint', '--max-warnings', '1', dir], { ok: true, diagnostics: [warn], output: 'W\n' });
  assert.deepEqual([r.status, r.err], [0, '']);
  r = await run(['lint', dir], { ok: true, diagnostics: [warn, warn] });
  assert.deepEqual([r.status, r.out], [0, '']);
  // The core refusing the request as a whole, or answering garbage: exit 2.
  r = await run(['lint', dir], { ok: false, diagnostics: [{ code: 'request-invalid', severity: 'error', path: '/options/x', message: 'unknown option x' }] });
  assert.deepEqual([r.status, r.out, r.err], [2, '', 'wxcard lint: unknown option x (request-invalid)\n']);
  r = await run(['lint', dir], { ok: true, diagnostics: [{ code: 'request-invalid', severity: 'error', path: '', message: 'why' }], output: 'R\n' });
  assert.deepEqual([r.status, r.out, r.err], [2, 'R\n', 'wxcard lint: internal error: the core refused the request: why\n']);
  r = await run(['lint', dir], 'oops');
  assert.deepEqual([r.status, r.out, r.err], [2, '', 'wxcard lint: internal error: the core returned output that is not {"ok","diagnostics"}\n']);
});
