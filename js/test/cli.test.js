// The npm CLI as a host of the core's `cli` operation: it sends the
// arguments, walks and reads what the core plans (kind and size before any
// read), passes stdin, and writes exactly what the core answers. The words
// themselves are the core's (wasm/card/cli_test.go, the cli vectors);
// test/parity.test.js checks that this CLI and the Go CLI walk alike.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init, callRaw, MAX_INPUT_BYTES } from '../index.js';
import { main } from '../cli.js';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();
const BIN = join(JS_DIR, 'bin', 'wxcard.js');
const wxcard = (args, opts = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'buffer', env: { ...process.env, LANG: 'C' }, ...opts });

const sink = () => {
  const chunks = [];
  return { write: (c) => chunks.push(Buffer.from(c)), text: () => Buffer.concat(chunks).toString('utf8') };
};

// main() with the real core, recording every request's header and bytes.
async function recorded(args, { env = {}, stdin = null, rewrite } = {}) {
  await init();
  const seen = [];
  const engine = {
    init: async () => {},
    callRaw: (op, req) => {
      const b = Buffer.from(req);
      const nl = b.indexOf(0x0a);
      seen.push({ op, header: JSON.parse(b.subarray(0, nl).toString('utf8')), blob: b.subarray(nl + 1) });
      const out = Buffer.from(callRaw(op, req));
      return rewrite ? rewrite(out) : out;
    },
  };
  const stdout = sink();
  const stderr = sink();
  const status = await main(args, { stdin, stdout, stderr, env, engine });
  return { status, out: stdout.text(), err: stderr.text(), seen };
}

test('run OP: stdin in, the raw output bytes and one newline out, exit 0', async () => {
  await init();
  for (const input of [Buffer.from('{"payload":{"cardList":[{"cardId":"p1","cardExt":"{}"}]},"options":{}}'), Buffer.from([0x7b, 0xff, 0x7d])]) {
    const r = wxcard(['run', 'validateCardList'], { input });
    assert.equal(r.status, 0, r.stderr.toString());
    assert.ok(r.stdout.equals(Buffer.concat([Buffer.from(callRaw('validateCardList', input)), Buffer.from('\n')])));
    assert.equal(r.stderr.length, 0);
  }
});

test('the header: the arguments, the colour and locale variables that are set, the TTY, the limit', async () => {
  const r = await recorded(['--version'], { env: { LANG: 'zh_CN.UTF-8', NO_COLOR: '', HOME: '/x', PATH: '/bin' } });
  assert.equal(r.status, 0);
  assert.match(r.out, /^wxcard \d+\.\d+\.\d+\S*\n$/);
  assert.equal(r.seen.length, 1);
  const h = r.seen[0].header;
  assert.equal(r.seen[0].op, 'cli');
  assert.deepEqual(h.args, ['--version']);
  assert.deepEqual(h.env, { LANG: 'zh_CN.UTF-8' }, 'only the variables the core reads, only when set');
  assert.equal(h.host, 'npm');
  assert.equal(h.tty, false);
  assert.equal(h.maxInput, MAX_INPUT_BYTES);
  assert.equal(r.seen[0].blob.length, 0);
});

test('lint: the files the plan asks for, each looked at before it is read', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const put = (p, s) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), s);
  };
  put('pay/b.json', '{"cardList":[]}');
  put('pay/a.json', '{"cardList":[{"cardId":"p1","code":"\u4e2d"}]}');
  put('pay/notes.txt', 'not json');
  put('pay/.git/x.json', '{}');
  put('pay/node_modules/m/x.json', '{}');
  put('pay/sub/c.json', Buffer.from([0x22, 0xff, 0x22]));
  put('cards/one.json', '{"p1":{"use_custom_code":true}}');
  symlinkSync('/dev/null', join(dir, 'pay', 'dev.json'));
  spawnSync('mkfifo', [join(dir, 'pay', 'fifo.json')]);
  writeFileSync(join(dir, 'big.json'), Buffer.alloc(2 << 20, 0x20));
  const r = await recorded(['lint', '--cards', join(dir, 'cards'), join(dir, 'pay'), join(dir, 'big.json'), join(dir, 'missing.json')]);
  // missing.json: the core words the error and exits 2.
  assert.equal(r.status, 2);
  assert.equal(r.err, `wxcard lint: cannot read ${join(dir, 'missing.json')}: no such file or directory\n`);
  assert.equal(r.seen.length, 2);
  const { header, blob } = r.seen[1];
  assert.equal(header.cwd, process.cwd());
  const rel = (e) => ({ ...e, path: e.path.slice(dir.length + 1) });
  assert.deepEqual(header.walked.files.map(rel), [
    { path: 'pay/a.json', bytes: Buffer.byteLength('{"cardList":[{"cardId":"p1","code":"\u4e2d"}]}') },
    { path: 'pay/b.json', bytes: 15 },
    { path: 'pay/dev.json', special: 'device' },
    { path: 'pay/fifo.json', special: 'fifo' },
    { path: 'pay/sub/c.json', bytes: 3 },
    { path: 'big.json', explicit: true, size: 2 << 20 },
    { path: 'missing.json', explicit: true, error: 'ENOENT' },
  ]);
  assert.deepEqual(header.walked.cards.map(rel), [{ path: 'cards/one.json', bytes: 31 }]);
  // The bytes as they are (invalid UTF-8 too), files then cards.
  assert.ok(blob.equals(Buffer.concat([
    Buffer.from('{"cardList":[{"cardId":"p1","code":"\u4e2d"}]}'), Buffer.from('{"cardList":[]}'), Buffer.from([0x22, 0xff, 0x22]),
    Buffer.from('{"p1":{"use_custom_code":true}}'),
  ])));

  // Without the missing file: the report, and the exit status the core decides.
  const ok = await recorded(['lint', '--format', 'json', join(dir, 'pay')]);
  assert.equal(ok.status, 1, ok.err);
  const report = JSON.parse(ok.out);
  assert.ok(report.files.some((f) => f.path.endsWith('pay/a.json')));
  assert.ok(report.skipped.some((p) => p.endsWith('pay/sub/c.json')));
  assert.ok(ok.out.endsWith('}\n'));
});

test('lint: over the limit in all, reading stops and the core says so', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.json`), '{"cardList":[]}');
  // A plan with a 20-byte budget: the second file is over it.
  const rewrite = (out) => Buffer.from(out.toString('latin1').replace('"maxBytes":16777216', '"maxBytes":20'), 'latin1');
  const r = await recorded(['lint', dir], { rewrite });
  assert.equal(r.status, 2);
  assert.deepEqual(r.seen[1].header.walked, { files: [], cards: [], over: 30 });
  assert.equal(r.seen[1].blob.length, 0);
  assert.match(r.err, /^wxcard lint: the files to lint are more than 16777216 bytes \(16 MiB\) in all/);
});

test('stdin: at most the plan says, else only its size', async () => {
  const { Readable } = await import('node:stream');
  const r = await recorded(['run', 'validateCardList'], { stdin: Readable.from([Buffer.from('{"payload":'), Buffer.from('{"cardList":[]}}')]) });
  assert.equal(r.status, 0);
  assert.deepEqual(r.seen[1].header.stdin, { bytes: 27 });
  const rewrite = (out) => Buffer.from(out.toString('latin1').replace('"maxBytes":16777216', '"maxBytes":5'), 'latin1');
  const big = await recorded(['run', 'lint'], { stdin: Readable.from([Buffer.from('{"payload":{}}')]), rewrite });
  assert.deepEqual(big.seen[1].header.stdin, { size: 14 });
  assert.equal(big.status, 2);
  assert.match(big.err, /^wxcard run: stdin is larger than 16777216 bytes \(16 MiB\)/);
});

test('an answer the host cannot read: exit 2, an internal error, nothing on stdout', async () => {
  const stdout = sink();
  const stderr = sink();
  const engine = { init: async () => {}, callRaw: () => Buffer.from('oops') };
  const status = await main(['lint', '.'], { stdout, stderr, env: {}, engine });
  assert.deepEqual([status, stdout.text()], [2, '']);
  assert.match(stderr.text(), /^wxcard: internal error: /);
});

test('end to end: exit statuses and streams through bin/wxcard.js', () => {
  const cases = [
    [['--help'], 0, /^wxcard checks/, /^$/],
    [[], 2, /^$/, /^wxcard checks/],
    [['lint'], 2, /^$/, /^wxcard lint: no PATH given\nRun 'wxcard lint --help' for usage\.\n$/],
    [['lint', join(JS_DIR, '..', 'examples', 'addcard', 'good.json')], 0, /no problems in 1 file/, /^$/],
    [['lint', join(JS_DIR, '..', 'examples')], 1, /problems/, /^$/],
    [['sign'], 2, /^$/, /only in the Go CLI/],
  ];
  for (const [args, status, out, err] of cases) {
    const r = wxcard(args, { input: '' });
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout.toString(), out, args.join(' '));
    assert.match(r.stderr.toString(), err, args.join(' '));
  }
});

test('names that are not UTF-8 reach the core as bytes: two such files stay two', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const names = [Buffer.from([0xd6, 0xd0]), Buffer.from([0xce, 0xc4])]; // GBK 中, 文
  for (const n of names) writeFileSync(Buffer.concat([Buffer.from(dir + '/'), n, Buffer.from('.json')]), '{"cardList":[]}');
  const r = await recorded(['lint', dir]);
  assert.equal(r.status, 1);
  assert.match(r.out, /in 2 files/);
  const files = r.seen[1].header.walked.files;
  assert.deepEqual(files.map((f) => f.pathBytes), [dir.length + 8, dir.length + 8]);
  assert.ok(files.every((f) => f.path === undefined));
});
