// The npm `wxcard` command. Its words are the core's (the `cli` operation,
// the same as the Go CLI's): this file passes the arguments to the core and
// does what it answers — walk and read the files it plans, or read stdin,
// then write the core's stdout and stderr and exit with its status.
// wasm/ABI.md describes the exchange.
//
// `sign` and `verify` exist only in the Go CLI: they need the api_ticket, a
// server secret, which never belongs in this package; the core says so.
import { readFileSync, readdirSync, statSync, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import * as pkg from './index.js';
import { MAX_INPUT_BYTES } from './index.js';

const EXIT_USAGE = 2;
const NL = 0x0a;

let packageVersion = null;
function version() {
  if (packageVersion === null) {
    packageVersion = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
  }
  return packageVersion;
}

// Sends a header (and the bytes it announces) to the core; returns its
// answer: the header object, with `rest` the bytes after it. A walk whose
// header and bytes together are over the package's input limit (the header
// holds a path per file) goes as one over the limit, without them.
function ask(engine, header, blob = []) {
  let head = Buffer.from(JSON.stringify(header) + '\n');
  const total = blob.reduce((n, b) => n + b.length, head.length);
  if (header.walked && total > MAX_INPUT_BYTES) {
    head = Buffer.from(JSON.stringify({ ...header, walked: { files: [], cards: [], over: total } }) + '\n');
    blob = [];
  }
  const out = engine.callRaw('cli', blob.length > 0 ? Buffer.concat([head, ...blob]) : head);
  const nl = out.indexOf(NL);
  const ans = JSON.parse(Buffer.from(out.buffer, out.byteOffset, nl).toString('utf8'));
  ans.rest = Buffer.from(out.buffer, out.byteOffset + nl + 1, out.length - nl - 1);
  return ans;
}

/**
 * Runs the command; returns the exit status. io: { stdin, stdout, stderr,
 * env, engine? } where engine ({ init, callRaw }) defaults to the package's.
 */
export async function main(argv, io) {
  const engine = io.engine || pkg;
  const env = io.env || {};
  try {
    await engine.init();
    const header = {
      host: 'npm',
      version: version(),
      args: argv,
      env: {},
      tty: !!(io.stdout && io.stdout.isTTY),
      maxInput: MAX_INPUT_BYTES,
    };
    for (const k of ['LANG', 'NO_COLOR', 'FORCE_COLOR']) if (env[k]) header.env[k] = env[k];
    let ans = ask(engine, header);
    if (ans.do === 'walk') {
      const { walked, blob } = walk(ans);
      ans = ask(engine, { ...header, cwd: getwd(env), walked }, blob);
    } else if (ans.do === 'stdin') {
      const { stdin, blob } = await readStdin(io.stdin, ans.maxBytes);
      ans = ask(engine, { ...header, stdin }, blob);
    }
    if (ans.do !== 'exit') throw new Error(`the core answered ${JSON.stringify(ans.do)}`);
    io.stdout.write(ans.rest.subarray(0, ans.stdout));
    io.stderr.write(ans.rest.subarray(ans.stdout));
    return ans.exit;
  } catch (err) {
    io.stderr.write(`wxcard: internal error: ${err && err.message ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
}

// --- what the host does: walk, read, stdin ------------------------------------
//
// Paths are Buffers (names need not be UTF-8); the core gets them as text.

const errorOf = (err) => (err && err.code) || (err && err.message) || String(err);
const join = (dir, name) => Buffer.concat([dir, Buffer.from('/'), name]);
const baseName = (p) => {
  const s = p.toString('utf8').replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1) || s;
};

// The walk a plan asks for: each root a file as it is, a directory for its
// files named *<ext>, not below skipped or hidden directories; each file's
// kind and size looked at before it is read (a FIFO would block, a huge
// file would take the heap); no more than maxBytes in all.
function walk(plan) {
  let total = 0;
  let over = false;
  const blob = [];
  // An entry for path p: its name as text, or, when it is not UTF-8 (JSON
  // would change it), as bytes ahead of the content's.
  const at = (p, explicit) => {
    const name = p.toString('utf8');
    const e = {};
    if (Buffer.byteLength(name) === p.length && Buffer.from(name).equals(p)) e.path = name;
    else {
      e.pathBytes = p.length;
      blob.push(p);
    }
    if (explicit) e.explicit = true;
    return e;
  };
  const read = (p, explicit) => {
    const e = at(p, explicit);
    let info;
    try {
      info = statSync(p);
    } catch (err) {
      e.error = errorOf(err);
      return e;
    }
    const special = specialKind(info);
    if (special) e.special = special;
    else if (info.size > plan.maxFileBytes) e.size = info.size;
    else if (!over) {
      let b;
      try {
        b = readBounded(p, info.size, plan.maxFileBytes);
      } catch (err) {
        e.error = errorOf(err);
        return e;
      }
      if (b.length > plan.maxFileBytes) e.size = b.length;
      else if ((total += b.length) > plan.maxBytes) over = true;
      else {
        e.bytes = b.length;
        blob.push(b);
      }
    }
    return e;
  };
  const roots = (paths) => {
    const es = [];
    const dir = (p) => {
      let entries;
      try {
        entries = readdirSync(p, { withFileTypes: true, encoding: 'buffer' });
      } catch (err) {
        es.push({ ...at(p, false), error: errorOf(err) });
        return;
      }
      entries.sort((x, y) => Buffer.compare(x.name, y.name));
      for (const d of entries) {
        const name = d.name.toString('latin1');
        const q = join(p, d.name);
        if (d.isDirectory()) {
          if (!plan.skipDirs.includes(name) && !(plan.skipHidden && name.startsWith('.'))) dir(q);
        } else if (name.endsWith(plan.ext)) es.push(read(q, false));
      }
    };
    for (const arg of paths) {
      const root = Buffer.from(arg);
      let info;
      try {
        info = statSync(root);
      } catch (err) {
        es.push({ ...at(root, true), error: errorOf(err) });
        continue;
      }
      if (!info.isDirectory()) es.push(read(root, true));
      // A root that is a symlink to a directory is not followed (as Go's
      // WalkDir does): it is an entry like any other.
      else if (lstatSync(root).isDirectory()) dir(root);
      else if (baseName(root).endsWith(plan.ext)) es.push(read(root, false));
    }
    return es;
  };
  const files = roots(plan.paths);
  const cards = roots(plan.cards);
  if (over) return { walked: { files: [], cards: [], over: total }, blob: [] };
  return { walked: { files, cards }, blob };
}

function specialKind(info) {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isDirectory()) return 'directory';
  return '';
}

// At most max+1 bytes of a regular file: room for the size stat gave and
// one byte more (a file that grew, or one whose stat says 0, as /proc's do).
function readBounded(path, size, max) {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(Math.min(size, max) + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length) {
        if (buf.length > max) break;
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
        buf.copy(grown, 0, 0, n);
        buf = grown;
      }
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

// The working directory as Go's os.Getwd gives it: $PWD when it names the
// same directory, so both CLIs make the same relative paths.
function getwd(env) {
  const pwd = typeof env.PWD === 'string' ? env.PWD : '';
  try {
    if (pwd.startsWith('/')) {
      const x = statSync('.', { bigint: true });
      const y = statSync(pwd, { bigint: true });
      if (x.dev === y.dev && x.ino === y.ino) return pwd;
    }
  } catch {
    // not the working directory
  }
  return process.cwd();
}

// stdin: at most max bytes, or only how large it is.
async function readStdin(stream, max) {
  const chunks = [];
  let n = 0;
  try {
    if (stream) {
      for await (const c of stream) {
        n += c.length;
        if (n > max) return { stdin: { size: n }, blob: [] };
        chunks.push(Buffer.from(c));
      }
    }
  } catch (err) {
    return { stdin: { error: errorOf(err) }, blob: [] };
  }
  return { stdin: { bytes: n }, blob: chunks };
}
