// The npm CLI and the Go CLI are two hosts of one core operation (cli): the
// words, the report and the exit status are the core's. What each host does
// itself is walk the file system, read files and stdin, and pass the
// terminal's facts. So this test runs both on the same arguments, in the
// same directory, with the same environment and stdin, and compares what
// they print: where a report names every file read (--format json) equal
// output means both hosts found and read the same files, bytes included.
//
// Covered: paths (order, skipped directories, spellings, repeats, symlinks,
// outside the working directory, $PWD), --cards roots, missing and odd
// files, stdin, the colour and locale variables, and the examples. Left out:
// sign and verify (Go only; the last test checks what the npm CLI says) and
// the version (each prints its own).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();
const ROOT = join(JS_DIR, '..');
const BIN = join(JS_DIR, 'bin', 'wxcard.js');
const GOLDEN = join(ROOT, 'cmd', 'wxcard', 'testdata');

const TICKET = 'ojZ8YtyVyr30HheH3CM73y7h4jJE';

// A scratch tree for the path cases: names in an order where byte order
// differs from locale order, skipped directories, a symlink, a non-.json
// file, duplicate card ids and card/get responses.
function scratch(dir) {
  const put = (p, s) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), s);
  };
  const item = '{"cardList":[{"cardId":"p1","cardExt":"{\\"timestamp\\":1}"}]}';
  put('t/pay/b.json', '{"cardList":[]}');
  put('t/pay/B.json', item);
  put('t/pay/a.json', '{"errMsg":"addCard:ok","cardList":[{"cardId":"p1","code":"x","isSuccess":false}]}');
  put('t/pay/_z.json', '{"cardList":[{"cardId":"p1","code":"c1"}]}');
  put('t/pay/ü.json', '{"cardList":[{"cardId":"p1","code":"中文"}]}');
  put('t/pay/notes.txt', item);
  put('t/pay/.git/x.json', item);
  put('t/pay/node_modules/m/x.json', item);
  put('t/pay/sub/c.json', '"just a string"');
  put('t/pay/sub/.hidden.json', item);
  put('t/pay/sub/bad.json', '{"cardList": [ }');
  symlinkSync('sub', join(dir, 't/pay/linked'));
  symlinkSync('pay', join(dir, 't/paylink'));
  put('t/cards/one.json', '{ "p1" : { "use_custom_code" : true , "bind_openid" : false } }');
  put('t/cards/raw.json', '\n{"errcode":0,"card":{"card_type":"MEMBER_CARD","member_card":{"base_info":{"id":"pB","use_custom_code":false}}}}\n');
  put('t/cards2/dup.json', '{"p1":{}}');
  put('t/cards3/array.json', '[1,2]');
  put('t/cards3/x.json', '{"p9":{}}');
  put('t/cards4/raw.json', '{"card":{"card_type":"GROUPON","groupon":{"base_info":{}}}}');
  put('t/cards5/raw.json', '{"card":{"cardType":"GROUPON"}}');
  put('t/cards6/raw.json', '{"card":{"card_type":"GROUPON","groupon":{"BASE_INFO":{"ID":"pG"}}}}');
  put('t/cards7/none.txt', '{}');
  put('t/cards8/x.json', '{"p\\u0031":{"use_custom_code":true},"p\\u2028":{},"é":{"a":"<&>"}}');
  put('t/empty/.keep', '');
  // Names that are not UTF-8 (a zip of GBK names unpacked on Linux): each its own file.
  for (const name of [[0xd6, 0xd0], [0xce, 0xc4]]) {
    const p = Buffer.concat([Buffer.from(join(dir, 't', 'gbk') + '/'), Buffer.from(name), Buffer.from('.json')]);
    mkdirSync(join(dir, 't', 'gbk'), { recursive: true });
    writeFileSync(p, '{"cardList":[]}');
  }
}

function cases(dir) {
  const lint = join(GOLDEN, 'lint');
  const t = join(dir, 't');
  const c = [];
  const add = (args, more = {}) => c.push({ args, ...more });

  // The golden cases (cmd/wxcard/testdata/golden), same arguments, same directory.
  add(['--help']); // help
  add([]); // no-args
  add(['frobnicate']); // unknown-command
  add(['--frob']); // unknown-flag
  add(['help', 'lint']); // help-lint
  add(['help', 'nope']); // help-unknown
  add(['lint', '--help']); // lint-help
  add(['run', '-h']); // run-help
  add(['run', 'validateCardList'], { input: '{"payload":{"cardList":[]}}' }); // run
  add(['run', 'validateMemberCardLaunch'], { input: '{}' }); // run-long-op-name
  add(['run']); // run-no-op
  add(['run', 'lint', 'lint']); // run-two-ops
  add(['run', TICKET]); // run-ticket-positional
  add(['lint', 'pay/a.json'], { cwd: lint }); // lint-real-core
  add(['lint', 'pay', 'missing.json'], { cwd: lint }); // lint-missing-path
  add(['lint']); // lint-no-path
  add(['lint', '--format', 'xml', 'x']); // lint-bad-format
  add(['lint', '--locale', 'fr', 'x']); // lint-bad-locale
  add(['lint', '--max-warnings', 'many', 'x']); // lint-bad-max-warnings
  add(['lint', '--cards', 'dup1.json', '--cards', 'dup2.json', 'pay/a.json'], { cwd: lint }); // lint-cards-duplicate
  add(['lint', '--cards', 'pay/sub/broken.json', 'pay/a.json'], { cwd: lint }); // lint-cards-not-object
  add(['lint', TICKET]); // lint-ticket-positional
  add(['lint', 'a-directory_with-name-12'], { cwd: lint }); // lint-existing-long-dir
  add(['lint', '--max-warnings', TICKET, 'x']); // sign-bad-flag-value (a lint case)
  // The golden cases that use a fake core, on the real one.
  add(['lint', 'pay', 'dup1.json', '--cards', 'cards'], { cwd: lint }); // lint-request
  add(['lint', '--format', 'sarif', 'pay/a.json'], { cwd: lint, env: { LANG: 'zh_TW.UTF-8' } }); // lint-request-zh
  add(['lint', '--locale', 'en', '--format=github', 'pay/a.json'], { cwd: lint, env: { LANG: 'zh_CN.UTF-8' } }); // lint-locale-flag
  add(['lint', '--max-warnings', '1', 'pay/a.json'], { cwd: lint });
  add(['lint', '--max-warnings=2', 'pay/a.json'], { cwd: lint });

  // The examples in every format and locale.
  for (const format of ['text', 'json', 'sarif', 'github']) {
    for (const locale of ['en', 'zh-CN']) add(['lint', '--format', format, '--locale', locale, 'examples']);
  }
  add(['lint', 'examples'], { env: { LANG: 'zh_CN.UTF-8' } });
  // Colour: asked for, forbidden, and never outside the text report.
  add(['lint', 'examples'], { env: { FORCE_COLOR: '1' } });
  add(['lint', 'examples'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  add(['lint', '--format', 'json', 'examples/coupons'], { env: { FORCE_COLOR: 'true' } });
  add(['lint', '--max-warnings', '0', 'examples/addcard/good.json', 'examples/opencard']);
  add(['lint', '--max-warnings', '100', 'examples']);
  add(['lint', '--cards', 'examples/cards', 'examples/addcard']);
  add(['lint', 'examples/results', 'examples/nope.json']);
  add(['lint', 'examples/nope.json']);
  add(['lint', '--cards', 'nope.json', 'examples']);
  add(['lint', 'cardpayloads'], { cwd: join(ROOT, 'tests', 'miniprogram') });
  add(['lint', '--max-warnings', '0', '--cards', 'cardpayloads/cards.json', 'cardpayloads'], { cwd: join(ROOT, 'tests', 'miniprogram') });

  // A few words, to see both hosts write the core's answer as it is.
  add(['-h']);
  add(['help', 'x'.repeat(65)]);
  add(['é\u00a0€😀\u0007\u007f"\\']);
  add(['lint', '--ticket', 'x']);
  add(['run', 'lint', '--', '-x'], { input: '{}' });
  add(['run', 'nope'], { input: '{}' });
  add(['run', 'validateCardList'], { input: Buffer.from([0x7b, 0xff, 0x7d]) });
  add(['run', 'validateCardList'], { input: '' });
  add(['run', 'parseActivateUrl'], { input: '{"payload":"https://mp.weixin.qq.com/bizmall/activatemembercard?encrypt_card_id=a&outer_str=b&biz=c"}' });

  // Paths: order, skipping, spelling, duplicates, symlinks, outside cwd.
  add(['lint', 'pay'], { cwd: t });
  add(['lint', 'pay/', './pay/sub', 'pay/sub/c.json', 'pay//b.json'], { cwd: t });
  add(['lint', 'pay/notes.txt', 'pay/.git/x.json', 'pay/node_modules'], { cwd: t });
  add(['lint', '.'], { cwd: join(t, 'pay') });
  add(['lint', '../pay/sub', '../../t/pay/a.json'], { cwd: join(t, 'pay', 'sub') });
  add(['lint', join(t, 'pay')], { cwd: join(t, 'cards') });
  add(['lint', join(t, 'pay')], { cwd: t });
  add(['lint', 'paylink', 'pay/linked'], { cwd: t });
  add(['lint', 'paylink/'], { cwd: t });
  add(['lint', 'pay/linked/c.json', 'pay/sub/c.json'], { cwd: t });
  add(['lint', 'empty'], { cwd: t });
  add(['lint', 'gbk'], { cwd: t });
  add(['lint', '--format', 'sarif', 'gbk'], { cwd: t });
  add(['lint', 'pay/nope/x.json'], { cwd: t });
  add(['lint', 'pay/a.json/x'], { cwd: t });
  add(['lint', ''], { cwd: t });
  add(['lint', 'pay'], { cwd: t, env: { PWD: join(t, 'paylink', '..') } });
  add(['lint', join(t, 'pay', 'a.json')], { cwd: join(t, 'pay'), env: { PWD: join(t, 'paylink') } });
  add(['lint', 'a.json'], { cwd: join(t, 'pay'), env: { PWD: '/nonexistent' } });

  // --cards: files and directories, repeated, card/get responses, errors.
  add(['lint', '--cards', 'cards', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards/one.json', '--cards', 'cards/raw.json', '--cards', 'cards', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards', '--cards', 'cards2', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards3', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards4', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards5', 'pay'], { cwd: t });
  add(['lint', '--cards', 'cards6', 'pay/B.json', '--format', 'json'], { cwd: t });
  add(['lint', '--cards', 'cards7', 'pay/B.json'], { cwd: t });
  add(['lint', '--cards', 'cards7/none.txt', 'pay/B.json'], { cwd: t });
  add(['lint', '--cards', 'cards8', 'pay', '--format', 'json'], { cwd: t });
  add(['lint', '--cards', 'pay/sub/bad.json', 'pay'], { cwd: t });
  add(['lint', '--cards', 'nope', 'missing.json'], { cwd: t });
  add(['lint', '--cards', 'empty', 'pay/b.json'], { cwd: t });
  // The same, where the report names every file read.
  add(['lint', '--format', 'json', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', 'pay/', './pay/sub', 'pay/sub/c.json', 'pay//b.json'], { cwd: t });
  add(['lint', '--format', 'json', 'pay/notes.txt', 'pay/.git/x.json', 'pay/node_modules'], { cwd: t });
  add(['lint', '--format', 'json', '.'], { cwd: join(t, 'pay') });
  add(['lint', '--format', 'json', '../pay/sub', '../../t/pay/a.json'], { cwd: join(t, 'pay', 'sub') });
  add(['lint', '--format', 'json', join(t, 'pay')], { cwd: join(t, 'cards') });
  add(['lint', '--format', 'json', join(t, 'pay')], { cwd: t });
  add(['lint', '--format', 'json', 'paylink', 'pay/linked'], { cwd: t });
  add(['lint', '--format', 'json', 'paylink/'], { cwd: t });
  add(['lint', '--format', 'json', 'pay/linked/c.json', 'pay/sub/c.json'], { cwd: t });
  add(['lint', '--format', 'json', 'empty'], { cwd: t });
  add(['lint', '--format', 'json', 'pay/nope/x.json'], { cwd: t });
  add(['lint', '--format', 'json', 'pay/a.json/x'], { cwd: t });
  add(['lint', '--format', 'json', ''], { cwd: t });
  add(['lint', '--format', 'json', 'pay'], { cwd: t, env: { PWD: join(t, 'paylink', '..') } });
  add(['lint', '--format', 'json', join(t, 'pay', 'a.json')], { cwd: join(t, 'pay'), env: { PWD: join(t, 'paylink') } });
  add(['lint', '--format', 'json', 'a.json'], { cwd: join(t, 'pay'), env: { PWD: '/nonexistent' } });
  add(['lint', '--format', 'json', '--cards', 'cards', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards/one.json', '--cards', 'cards/raw.json', '--cards', 'cards', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards', '--cards', 'cards2', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards3', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards4', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards5', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards7', 'pay/B.json'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'cards7/none.txt', 'pay/B.json'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'pay/sub/bad.json', 'pay'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'nope', 'missing.json'], { cwd: t });
  add(['lint', '--format', 'json', '--cards', 'empty', 'pay/b.json'], { cwd: t });
  return c;
}

function runBoth(goBin, c) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...(c.env ?? {}) };
  const opts = { cwd: c.cwd ?? ROOT, env, input: Buffer.from(c.input ?? ''), encoding: 'buffer' };
  const g = spawnSync(goBin, c.args, opts);
  const n = spawnSync(process.execPath, [BIN, ...c.args], opts);
  return { g, n };
}

function buildGo(t) {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-parity-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const goBin = join(dir, 'wxcard');
  const built = spawnSync('go', ['build', '-o', goBin, './cmd/wxcard'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  return { dir, goBin };
}

test('the npm and Go CLIs walk and read the same files, and print the same bytes', { timeout: 600_000 }, (t) => {
  const { dir, goBin } = buildGo(t);
  scratch(dir);
  const all = cases(dir);
  const failures = [];
  const codes = new Set();
  for (const c of all) {
    const { g, n } = runBoth(goBin, c);
    const what = `[${c.args.map((a) => JSON.stringify(a)).join(' ')}] in ${c.cwd ?? ROOT}`;
    assert.ifError(g.error);
    assert.ifError(n.error);
    codes.add(g.status);
    if (g.status !== n.status) failures.push(`${what}: exit go ${g.status} npm ${n.status}\n${n.stderr}`);
    if (!g.stdout.equals(n.stdout)) failures.push(`${what}: stdout differs\n--- go\n${g.stdout}\n--- npm\n${n.stdout}`);
    if (!g.stderr.equals(n.stderr)) failures.push(`${what}: stderr differs\n--- go\n${g.stderr}\n--- npm\n${n.stderr}`);
  }
  assert.deepEqual(failures, []);
  // The cases reach every exit status.
  assert.deepEqual([...codes].sort(), [0, 1, 2]);
});

test('sign, verify and the version: what the npm CLI says instead', () => {
  const opts = { cwd: ROOT, env: { PATH: process.env.PATH, LANG: 'C' }, encoding: 'utf8', input: '{}' };
  for (const args of [['sign', '--card-id', 'p1'], ['verify'], ['help', 'sign'], ['verify', '--help']]) {
    const r = spawnSync(process.execPath, [BIN, ...args], opts);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^wxcard ${args[0] === 'help' ? args[1] : args[0]}: \\w+ is only in the Go CLI: it needs the api_ticket`));
  }
  const { version } = JSON.parse(readFileSync(join(JS_DIR, 'package.json'), 'utf8'));
  for (const args of [['--version'], ['-version'], ['version']]) {
    const r = spawnSync(process.execPath, [BIN, ...args], opts);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `wxcard ${version}\n`, '']);
  }
});
