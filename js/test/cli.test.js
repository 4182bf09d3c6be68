// The npm CLI: `run` byte-for-byte, lint's argument parsing, file
// collection, request building and exit statuses.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, callRaw } from '../index.js';
import { main, parseLintArgs, buildLintRequest, localeFromLang, lintStatus, UsageError } from '../cli.js';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();
const BIN = join(JS_DIR, 'bin', 'wxcard.js');
const wxcard = (args, opts = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'buffer', env: { ...process.env, LANG: 'C' }, ...opts });

test('run OP: stdin in, the raw output bytes out, exit 0', async () => {
  await init();
  const input = Buffer.from('{"payload":{"cardList":[{"cardId":"p1","cardExt":"{}"}]},"options":{}}');
  const r = wxcard(['run', 'validateCardList'], { input });
  assert.equal(r.status, 0, r.stderr.toString());
  assert.ok(r.stdout.equals(Buffer.from(callRaw('validateCardList', input))));
  assert.equal(r.stderr.length, 0);
  // Invalid bytes go through untouched too.
  const odd = Buffer.from([0x7b, 0xff, 0x7d]);
  const r2 = wxcard(['run', 'validateCardList'], { input: odd });
  assert.equal(r2.status, 0);
  assert.ok(r2.stdout.equals(Buffer.from(callRaw('validateCardList', odd))));
});

test('usage errors exit 2 with the usage on stderr', () => {
  const cases = [
    [],
    ['frobnicate'],
    ['run'],
    ['run', 'a', 'b'],
    ['lint'],
    ['lint', '--format', 'xml', '.'],
    ['lint', '--locale', 'fr', '.'],
    ['lint', '--max-warnings', 'many', '.'],
    ['lint', '--bogus', '.'],
    ['lint', '.', '--format'],
    ['lint', '/nonexistent/dir/for/wxcard'],
  ];
  for (const args of cases) {
    const r = wxcard(args, { input: '' });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr.toString(), /^wxcard: .*\nusage:\n/, args.join(' '));
    assert.equal(r.stdout.length, 0, args.join(' '));
  }
  const help = wxcard(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout.toString(), /wxcard lint \[--format text\|json\|sarif\|github\]/);
});

test('lint flags: defaults, LANG, both spellings, -- ends flags', () => {
  assert.deepEqual(parseLintArgs(['a.json'], {}), { format: 'text', locale: 'en', cards: null, maxWarnings: -1, paths: ['a.json'] });
  assert.equal(parseLintArgs(['a'], { LANG: 'zh_CN.UTF-8' }).locale, 'zh-CN');
  assert.equal(parseLintArgs(['a', '--locale', 'en'], { LANG: 'zh_CN.UTF-8' }).locale, 'en');
  assert.equal(localeFromLang('en_US.UTF-8'), 'en');
  assert.equal(localeFromLang(undefined), 'en');
  assert.equal(localeFromLang('zh_TW.UTF-8'), 'zh-CN');
  const o = parseLintArgs(['--format=sarif', '-max-warnings', '3', '--cards', 'c.json', 'x', '--', '--odd']);
  assert.deepEqual(o, { format: 'sarif', locale: 'en', cards: 'c.json', maxWarnings: 3, paths: ['x', '--odd'] });
  assert.throws(() => parseLintArgs([]), UsageError);
});

test('lint request: .json files walked in byte order, explicit files kept, cards merged', async (t) => {
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
  put('pay/sub/c.json', '"中文"');
  put('extra.txt', '{"explicit":true}');
  put('cards/one.json', '{"pA":{"use_custom_code":true}}');
  put('cards/raw.json', '{"errcode":0,"card":{"card_type":"MEMBER_CARD","member_card":{"base_info":{"id":"pB","use_custom_code":false}}}}');
  const req = await buildLintRequest(
    parseLintArgs([join(dir, 'pay'), join(dir, 'extra.txt'), '--cards', join(dir, 'cards'), '--format', 'json'], { LANG: 'zh_CN' }),
  );
  assert.deepEqual(
    req.payload.files.map((f) => f.path.slice(dir.length + 1)),
    ['pay/B.json', 'pay/a.json', 'pay/b.json', 'pay/sub/c.json', 'extra.txt'],
  );
  assert.equal(req.payload.files[3].content, '"中文"');
  assert.deepEqual(req.options.format, 'json');
  assert.deepEqual(req.options.locale, 'zh-CN');
  assert.deepEqual(Object.keys(req.options.cards), ['pA', 'pB']);
  assert.equal(req.options.cards.pB.card.card_type, 'MEMBER_CARD');
  assert.deepEqual(Object.keys(req), ['payload', 'options']);

  // End to end: the request reaches the core and the status follows its verdict.
  const r = wxcard(['lint', join(dir, 'pay')]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr.toString());
  assert.equal(r.stderr.length, 0);

  put('badcards.json', '{');
  const bad = wxcard(['lint', '--cards', join(dir, 'badcards.json'), join(dir, 'pay')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr.toString(), /badcards\.json: not valid JSON/);
});

test('lint status: errors → 1, warnings over --max-warnings → 1, else 0', () => {
  const w = { severity: 'warning' };
  assert.equal(lintStatus({ ok: true, diagnostics: [] }, -1), 0);
  assert.equal(lintStatus({ ok: false, diagnostics: [{ severity: 'error' }] }, -1), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, -1), 0);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, 2), 0);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, w] }, 1), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [w, { severity: 'info' }] }, 0), 1);
  assert.equal(lintStatus({ ok: true, diagnostics: [{ severity: 'info' }] }, 0), 0);
});

test('lint prints the report from the output field and exits by the verdict', async (t) => {
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
        seen.push([op, req]);
        return Buffer.from(JSON.stringify(output));
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
  assert.deepEqual(r.seen[0][1].payload.files, [{ path: join(dir, 'a.json'), content: '{"cardList":[]}' }]);

  r = await run(['lint', dir], { ok: false, diagnostics: [error], output: 'E\n' });
  assert.deepEqual([r.status, r.out], [1, 'E\n']);
  r = await run(['lint', '--max-warnings', '0', dir], { ok: true, diagnostics: [warn], output: 'W\n' });
  assert.deepEqual([r.status, r.out], [1, 'W\n']);
  r = await run(['lint', '--max-warnings', '1', dir], { ok: true, diagnostics: [warn], output: 'W\n' });
  assert.equal(r.status, 0);
  r = await run(['lint', dir], { ok: true, diagnostics: [warn, warn] });
  assert.deepEqual([r.status, r.out], [0, '']);
});
