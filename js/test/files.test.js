// The npm CLI looks before it reads, as the Go CLI does: a FIFO (it would
// block forever), a 200 MB sparse file (it would take the heap), a device, a
// socket and a directory named like a payload are each reported, named or
// walked, with exit status 0, 1 or 2 — and every run has a deadline.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JS_DIR, requireWasm } from './helpers.js';

const BIN = join(JS_DIR, 'bin', 'wxcard.js');

test('lint reports a FIFO, a sparse 200 MB file, a device, a socket and a .json directory without hanging', async (t) => {
  requireWasm();
  const dir = mkdtempSync(join(tmpdir(), 'wxcard-files-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const p = (name) => join(dir, 'payloads', name);
  mkdirSync(p('dir.json'), { recursive: true });
  writeFileSync(p('dir.json/a.json'), '{"cardList":[]}');
  const fifo = spawnSync('mkfifo', [p('fifo.json')]);
  assert.equal(fifo.status, 0, String(fifo.stderr));
  const fd = openSync(p('sparse.json'), 'w');
  ftruncateSync(fd, 200 << 20);
  closeSync(fd);
  symlinkSync('/dev/null', p('device.json'));
  const server = createServer();
  await new Promise((ok) => server.listen(p('socket.json'), ok));
  t.after(() => server.close());

  const cases = [
    [['lint', 'payloads/fifo.json'], ['payloads/fifo.json', 'this is a fifo', 'lint-file-invalid']],
    [['lint', 'payloads/sparse.json'], ['the file is 209715200 bytes', 'payload-limit']],
    [['lint', 'payloads/device.json'], ['this is a device', 'lint-file-invalid']],
    [['lint', 'payloads/socket.json'], ['this is a socket', 'lint-file-invalid']],
    [['lint', 'payloads/dir.json'], ['payload-shape']],
    [['lint', 'payloads'], ['this is a fifo', 'this is a socket', 'this is a device', '209715200 bytes']],
  ];
  for (const [args, want] of cases) {
    // spawnSync would block this process while the server must answer: the
    // child runs with a deadline and is killed when it passes.
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, LANG: 'C' } });
    assert.equal(r.error, undefined, `${args.join(' ')}: ${r.error}`);
    assert.ok([0, 1, 2].includes(r.status), `${args.join(' ')}: exit ${r.status} ${r.signal}\n${r.stderr}`);
    for (const w of want) assert.ok(r.stdout.includes(w), `${args.join(' ')}: ${JSON.stringify(w)} missing in\n${r.stdout}${r.stderr}`);
  }
});
