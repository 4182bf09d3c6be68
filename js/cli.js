// The npm `wxcard` command. It takes the same words as the Go CLI
// (cmd/wxcard, the reference) and prints the same bytes: the same help
// texts, the same error wording and exit statuses, the same files in the
// same order in the lint request. test/parity.test.js runs both side by side.
//
//   wxcard lint [--format text|json|sarif|github] [--locale en|zh-CN]
//               [--cards FILE_OR_DIR] [--max-warnings N] PATH...
//   wxcard run OP
//
// Where the Go CLI leans on Go's standard library (the flag package, its
// integer syntax, %q quoting, encoding/json, filepath.WalkDir), this file
// does the same thing by hand, on bytes, so the output matches.
//
// `sign` and `verify` exist only in the Go CLI: they need the api_ticket, a
// server secret, which never belongs in this package. Asked for them, this
// CLI says so and exits 2. `--version` prints this package's version.
import { readFileSync, readdirSync, statSync, lstatSync, openSync, readSync, closeSync } from 'node:fs';
import * as pkg from './index.js';
import { MAX_INPUT_BYTES, OPS } from './index.js';
import { MAX_FILE_BYTES } from './rules.js';

// Exit codes, as in the Go CLI.
const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

const ENV_TICKET = 'WXCARD_API_TICKET';

// --- texts (word for word those of cmd/wxcard/help.go) ----------------------

const TOP_HELP_HEAD = `wxcard checks, builds, signs and verifies the payloads of the WeChat Mini Program
card APIs (wx.addCard, wx.openCard, member-card activation).

Usage:
  wxcard <command> [flags] [arguments]

Commands:
`;

const TOP_HELP_TAIL = `
Flags:
  -h, --help    show this help
  --version     print the version

The api_ticket is read only from the WXCARD_API_TICKET environment variable or
from --ticket-file. It is never taken from an argument and never printed.

Run 'wxcard <command> --help' for a command's flags.
`;

export const LINT_HELP = `Usage: wxcard lint [flags] PATH...

Checks payload files and prints the report. A directory is read recursively
for *.json files (node_modules and hidden directories are skipped); a file
named explicitly is read whatever its extension. The kind of each file is
detected from its shape.

Flags:
  --format text|json|sarif|github
                       report format (default text)
  --locale en|zh-CN    message language (default from LANG: zh* gives zh-CN,
                       anything else en)
  --cards FILE_OR_DIR  card definitions: a JSON object keyed by cardId, or the
                       raw response of card/get; repeatable
  --max-warnings N     fail when there are more than N warnings (default -1:
                       no limit)

Exit status: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage or
internal error.
`;

export const RUN_HELP = `Usage: wxcard run OP

Runs one core operation: reads its input JSON {"payload":…,"options":{…}} on
stdin and writes its output JSON on stdout, followed by a newline.

Operations: validateCardList, buildAddCard, buildOpenCard, parseAddCardResult,
parseActivateUrl, validateMemberCardLaunch, parseReferrerInfo, lint.

Exit status: 0 once the operation ran (its "ok" says how it went), 2 usage
error.
`;

const HELP_HELP = `Usage: wxcard help [COMMAND]

Shows help for a command, or the list of commands.
`;

const VERSION_HELP = `Usage: wxcard version

Prints the version (also: wxcard --version).
`;

// The command list is the Go CLI's, so the top help is byte for byte the
// same; sign and verify are listed there and refused here (goOnly).
const COMMANDS = [
  { name: 'lint', summary: 'check payload files (.json) and report what is wrong', help: LINT_HELP, run: lint },
  { name: 'run', summary: 'run one core operation: input JSON on stdin, output JSON on stdout', help: RUN_HELP, run: runOp },
  { name: 'sign', summary: 'sign a cardExt and print the wx.addCard cardList item (server side)', goOnly: true },
  { name: 'verify', summary: 'verify a signed cardList item and explain a wrong signature', goOnly: true },
  { name: 'help', summary: 'show help for a command', help: HELP_HELP, run: help },
  { name: 'version', summary: 'print the version', help: VERSION_HELP, run: printVersion },
];

export const USAGE =
  TOP_HELP_HEAD + COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}\n`).join('') + TOP_HELP_TAIL;

const findCommand = (name) => COMMANDS.find((c) => c.name === name) || null;

function goOnly(cmd) {
  return (
    `wxcard ${cmd}: ${cmd} is only in the Go CLI: it needs the api_ticket, a server secret that never ` +
    `belongs in the npm package; run the Go wxcard ${cmd} on your server\n`
  );
}

// --- messages ----------------------------------------------------------------

const prog = (cmd) => (cmd ? `wxcard ${cmd}` : 'wxcard');

/** A problem with how the command was called: the message and where to read about usage. */
export class UsageError extends Error {}
UsageError.prototype.name = 'UsageError';

const TICKET_LIKE = /^[A-Za-z0-9_-]{20,}$/;
const TICKET_LIKE_IN = /[A-Za-z0-9_-]{20,}/g;
const looksLikeTicket = (s) => TICKET_LIKE.test(s);
const redactTicketLike = (s) => s.replace(TICKET_LIKE_IN, '[redacted]');

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and
// the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const hex = (n, w) => n.toString(16).padStart(w, '0');

/** Go's strconv.Quote of a (well-formed) string. */
export function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (r === 7) out += '\\a';
    else if (r === 8) out += '\\b';
    else if (r === 12) out += '\\f';
    else if (r === 10) out += '\\n';
    else if (r === 13) out += '\\r';
    else if (r === 9) out += '\\t';
    else if (r === 11) out += '\\v';
    else if (r < 0x20 || r === 0x7f) out += '\\x' + hex(r, 2);
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else if (r < 0x10000) out += '\\u' + hex(r, 4);
    else out += '\\U' + hex(r, 8);
  }
  return out + '"';
}

/** Quotes an argument for a message unless it might be a secret. */
function quoteSafe(s) {
  if (looksLikeTicket(s) || Buffer.byteLength(s) > 64) return '(argument not shown)';
  return goQuote(s);
}

// A flag that would carry a ticket on the command line is refused (it would
// show in ps, shell history and CI logs); its value is never echoed.
function ticketArgument(args) {
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-')) continue;
    const stripped = arg.replace(/^-+/, '');
    const eq = stripped.indexOf('=');
    const name = eq < 0 ? stripped : stripped.slice(0, eq);
    const norm = name.toLowerCase().split('_').join('-');
    if (norm.includes('ticket') && norm !== 'ticket-file') {
      return (
        `refusing --${redactTicketLike(name)}: the api_ticket is a secret and is never taken from the command line ` +
        `(it would show in ps, shell history and CI logs); set ${ENV_TICKET} or pass --ticket-file FILE`
      );
    }
  }
  return '';
}

const REFUSE_POSITIONAL =
  'refusing an argument that looks like an api_ticket: the ticket is never taken from the command line; ' +
  `set ${ENV_TICKET} or pass --ticket-file FILE`;

// --- flags, as Go's flag package parses them ---------------------------------

// Go's strconv.ParseInt(s, 0, 64): a BigInt, or the error text flag prints.
function parseGoInt(s) {
  if (s === '') return { err: 'parse error' };
  let neg = false;
  let u = s;
  if (u[0] === '+') u = u.slice(1);
  else if (u[0] === '-') {
    u = u.slice(1);
    neg = true;
  }
  const r = parseGoUint(u);
  if (r.err === 'parse error') return r;
  const cutoff = 1n << 63n;
  if (!neg && r.n >= cutoff) return { err: 'value out of range' };
  if (neg && r.n > cutoff) return { err: 'value out of range' };
  return { n: neg ? -r.n : r.n };
}

function parseGoUint(s0) {
  if (s0 === '') return { err: 'parse error' };
  const maxVal = (1n << 64n) - 1n;
  let s = s0;
  let base = 10;
  const lower = (c) => c | 0x20;
  if (s[0] === '0') {
    const c1 = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
    if (c1 === 0x62) [base, s] = [2, s.slice(2)];
    else if (c1 === 0x6f) [base, s] = [8, s.slice(2)];
    else if (c1 === 0x78) [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  const cutoff = maxVal / BigInt(base) + 1n;
  let underscores = false;
  let n = 0n;
  for (const b of Buffer.from(s, 'utf8')) {
    let d;
    if (b === 0x5f) {
      underscores = true;
      continue;
    } else if (b >= 0x30 && b <= 0x39) d = b - 0x30;
    else if (lower(b) >= 0x61 && lower(b) <= 0x7a) d = lower(b) - 0x61 + 10;
    else return { err: 'parse error' };
    if (d >= base) return { err: 'parse error' };
    if (n >= cutoff) return { n: maxVal, err: 'value out of range' };
    n = n * BigInt(base) + BigInt(d);
    if (n > maxVal) return { n: maxVal, err: 'value out of range' };
  }
  if (underscores && !underscoreOK(s0)) return { err: 'parse error' };
  return { n };
}

function underscoreOK(s) {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let isHex = false;
  const lower = (c) => String.fromCharCode(c.charCodeAt(0) | 0x20);
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    isHex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (isHex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const HELP = Symbol('help');

// One pass of Go's FlagSet.Parse over args: returns the arguments left (the
// first non-flag on), or throws HELP or a UsageError with flag's wording.
function flagPass(defs, args) {
  args = args.slice();
  for (;;) {
    if (args.length === 0) return args;
    const s = args[0];
    if (Buffer.byteLength(s) < 2 || s[0] !== '-') return args;
    let minuses = 1;
    if (s[1] === '-') {
      minuses++;
      if (s.length === 2) return args.slice(1);
    }
    let name = s.slice(minuses);
    if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new UsageError(`bad flag syntax: ${s}`);
    args.shift();
    let hasValue = false;
    let value = '';
    const eq = name.indexOf('=', 1);
    if (eq > 0) {
      value = name.slice(eq + 1);
      hasValue = true;
      name = name.slice(0, eq);
    }
    const set = Object.hasOwn(defs, name) ? defs[name] : null;
    if (!set) {
      if (name === 'help' || name === 'h') throw HELP;
      throw new UsageError(`flag provided but not defined: -${name}`);
    }
    if (!hasValue && args.length > 0) {
      hasValue = true;
      value = args.shift();
    }
    if (!hasValue) throw new UsageError(`flag needs an argument: -${name}`);
    const err = set(value);
    if (err) throw new UsageError(`invalid value ${goQuote(value)} for flag -${name}: ${err}`);
  }
}

// Flags anywhere among the arguments (flags after a PATH are common); "--"
// ends them. Returns the positional arguments.
function parseFlags(defs, args) {
  const pos = [];
  for (;;) {
    let rest;
    try {
      rest = flagPass(defs, args);
    } catch (err) {
      if (err === HELP) throw err;
      throw new UsageError(redactTicketLike(err.message));
    }
    if (rest.length === 0) return pos;
    const n = args.length - rest.length;
    if (n > 0 && args[n - 1] === '--') return pos.concat(rest);
    pos.push(rest[0]);
    args = rest.slice(1);
  }
}

/** The locale a LANG value implies: zh… → zh-CN, anything else → en. */
export function localeFromLang(lang) {
  return (lang || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Parses lint's arguments (after "lint") as the Go CLI does. Returns
 * { format, locale, cards: [], maxWarnings, paths }, throws a UsageError
 * with the Go CLI's wording, or returns null for --help.
 */
export function parseLintArgs(args, env = {}) {
  let format = 'text';
  let locale = '';
  let maxWarnings = -1n;
  const cards = [];
  const defs = {
    format: (v) => void (format = v),
    locale: (v) => void (locale = v),
    'max-warnings': (v) => {
      const r = parseGoInt(v);
      if (r.err) return r.err;
      maxWarnings = r.n;
      return null;
    },
    cards: (v) => void cards.push(v),
  };
  let paths;
  try {
    paths = parseFlags(defs, args);
  } catch (err) {
    if (err === HELP) return null;
    throw err;
  }
  if (!['text', 'json', 'sarif', 'github'].includes(format)) {
    throw new UsageError('--format must be text, json, sarif or github');
  }
  if (locale === '') locale = localeFromLang(env.LANG);
  else if (locale !== 'en' && locale !== 'zh-CN') throw new UsageError('--locale must be en or zh-CN');
  if (maxWarnings < -1n) throw new UsageError('--max-warnings must be a number of warnings (or -1 for no limit)');
  if (paths.length === 0) throw new UsageError('no PATH given');
  return { format, locale, cards, maxWarnings, paths };
}

// --- paths and files, as filepath and WalkDir do them ------------------------
//
// Paths are handled as byte strings (latin1: one char per byte), so names
// that are not UTF-8 survive and byte order is plain string order.

const bytesOf = (s) => Buffer.from(s, 'utf8').toString('latin1');
const fsPath = (p) => Buffer.from(p, 'latin1');

/** Go's path.Clean on slash paths. */
export function cleanPath(p) {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const out = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

const joinPath = (a, b) => (a === '' ? cleanPath(b) : b === '' ? cleanPath(a) : cleanPath(a + '/' + b));

/** Go's filepath.Rel for two absolute slash paths. */
export function relPath(basepath, targpath) {
  const base = cleanPath(basepath);
  const targ = cleanPath(targpath);
  if (base === targ) return '.';
  const b = base === '/' ? [] : base.slice(1).split('/');
  const t = targ === '/' ? [] : targ.slice(1).split('/');
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  const up = b.slice(i).map(() => '..');
  return up.concat(t.slice(i)).join('/');
}

function sameFile(a, b) {
  try {
    const x = statSync(fsPath(a), { bigint: true });
    const y = statSync(fsPath(b), { bigint: true });
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

// Go's os.Getwd: $PWD when it names the working directory, else getcwd.
function getwd(env) {
  const pwd = env && typeof env.PWD === 'string' ? bytesOf(env.PWD) : '';
  if (pwd.startsWith('/') && sameFile('.', pwd)) return pwd;
  return bytesOf(process.cwd());
}

// The errno texts of Go's syscall package, by Node's error code.
const ERRNO_TEXT = {
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  EINTR: 'interrupted system call',
  EIO: 'input/output error',
  ENXIO: 'no such device or address',
  EBADF: 'bad file descriptor',
  EAGAIN: 'resource temporarily unavailable',
  ENOMEM: 'cannot allocate memory',
  EACCES: 'permission denied',
  EFAULT: 'bad address',
  EBUSY: 'device or resource busy',
  EEXIST: 'file exists',
  ENODEV: 'no such device',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EINVAL: 'invalid argument',
  ENFILE: 'too many open files in system',
  EMFILE: 'too many open files',
  ETXTBSY: 'text file busy',
  EFBIG: 'file too large',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EOVERFLOW: 'value too large for defined data type',
  ESTALE: 'stale file handle',
};

function errnoText(err) {
  if (err && ERRNO_TEXT[err.code]) return ERRNO_TEXT[err.code];
  const m = err && typeof err.message === 'string' ? err.message : String(err);
  return m.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}

/** A problem with the files: exit 2, no usage. */
export class FileError extends Error {
  constructor(bytes) {
    super(Buffer.from(bytes, 'latin1').toString('utf8'));
    this.bytes = bytes; // the message as a byte string
  }
}

const cannotRead = (p, err) => new FileError(`cannot read ${p}: ${bytesOf(errnoText(err))}`);

/**
 * Reads every PATH as the Go CLI does: a file as given, a directory
 * recursively for *.json files (node_modules and dot-directories skipped
 * below the root; entries that are not directories, symlinks included, are
 * taken by name). Request paths are slash paths relative to the working
 * directory, without duplicates, in byte order. Returns [{ path, content }]
 * with path a byte string and content a Buffer, and explicit for a file
 * named as a PATH (the core never skips such a file silently).
 */
export function readLintFiles(paths, env = {}) {
  const cwd = getwd(env);
  const seen = new Set();
  const files = [];
  const add = (p, explicit) => {
    const abs = p.startsWith('/') ? cleanPath(p) : joinPath(cwd, p);
    const rel = relPath(cwd, abs);
    if (seen.has(rel)) return;
    seen.add(rel);
    // Kind and size before any read, as the Go CLI does: a FIFO named
    // x.json would block forever, a huge file would take the heap.
    let info;
    try {
      info = statSync(fsPath(p));
    } catch (err) {
      throw cannotRead(rel, err);
    }
    const special = specialKind(info);
    if (special) {
      files.push({ path: rel, content: Buffer.alloc(0), explicit, special });
      return;
    }
    let read;
    try {
      read = readBounded(fsPath(p), info.size);
    } catch (err) {
      throw cannotRead(rel, err);
    }
    files.push({ path: rel, content: read.content, explicit, size: read.size });
  };
  const walk = (p, isDir, root) => {
    const name = p === root ? baseName(p) : p.slice(p.lastIndexOf('/') + 1);
    if (!isDir) {
      if (name.endsWith('.json')) add(p, false);
      return;
    }
    if (p !== root && (name === 'node_modules' || name.startsWith('.'))) return;
    let entries;
    try {
      entries = readdirSync(fsPath(p), { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      throw cannotRead(p, err);
    }
    const named = entries.map((e) => ({ name: Buffer.from(e.name).toString('latin1'), dir: e.isDirectory() }));
    named.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of named) walk(joinPath(p, e.name), e.dir, root);
  };
  for (const arg of paths) {
    const root = bytesOf(arg);
    let info;
    try {
      info = statSync(fsPath(root));
    } catch (err) {
      throw cannotRead(root, err);
    }
    if (!info.isDirectory()) {
      add(root, true);
      continue;
    }
    // WalkDir looks at the root itself without following a symlink.
    let linfo;
    try {
      linfo = lstatSync(fsPath(root));
    } catch (err) {
      throw cannotRead(root, err);
    }
    walk(root, linfo.isDirectory(), root);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}


function specialKind(info) {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isDirectory()) return 'directory';
  return '';
}

// A regular file of at most MAX_FILE_BYTES, or, for a larger one (by its
// size or by what it holds), its size alone, unread.
function readBounded(path, size) {
  if (size > MAX_FILE_BYTES) return { content: Buffer.alloc(0), size };
  const fd = openSync(path, 'r');
  try {
    // Room for the size stat gave and one byte more (a file that grew, or
    // one whose stat says 0, as /proc's do), grown up to the limit.
    let buf = Buffer.allocUnsafe(size + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n === buf.length) {
        if (buf.length > MAX_FILE_BYTES) break;
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_FILE_BYTES + 1));
        buf.copy(grown, 0, 0, n);
        buf = grown;
      }
    }
    if (n > MAX_FILE_BYTES) return { content: Buffer.alloc(0), size: n };
    return { content: buf.subarray(0, n), size: 0 };
  } finally {
    closeSync(fd);
  }
}

// The name os.Lstat gives a path: its last element, trailing slashes aside.
function baseName(p) {
  let s = p;
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s.slice(s.lastIndexOf('/') + 1);
}

// --- JSON on bytes, as encoding/json reads and writes it ---------------------

const MAX_DEPTH = 10000;
const isWS = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isHexDigit = (c) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/** Whether buf is one JSON value (with surrounding whitespace) that encoding/json accepts. */
export function validJSON(buf) {
  let i = 0;
  const n = buf.length;
  const ws = () => {
    while (i < n && isWS(buf[i])) i++;
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) return false;
      const c = buf[i];
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = buf[i + 1];
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) if (!(i + k < n && isHexDigit(buf[i + k]))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(String.fromCharCode(e))) i += 2;
        else return false;
      } else i++;
    }
  };
  const digits = () => {
    const s = i;
    while (i < n && buf[i] >= 0x30 && buf[i] <= 0x39) i++;
    return i > s;
  };
  const num = () => {
    if (buf[i] === 0x2d) i++;
    if (buf[i] === 0x30) i++;
    else if (buf[i] >= 0x31 && buf[i] <= 0x39) digits();
    else return false;
    if (buf[i] === 0x2e) {
      i++;
      if (!digits()) return false;
    }
    if (buf[i] === 0x65 || buf[i] === 0x45) {
      i++;
      if (buf[i] === 0x2b || buf[i] === 0x2d) i++;
      if (!digits()) return false;
    }
    return true;
  };
  const lit = (word) => {
    for (let k = 0; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) return false;
    i += word.length;
    return true;
  };
  // Iterative: a stack of open containers ('{' or '[').
  const stack = [];
  ws();
  for (;;) {
    // A value is expected here.
    if (i >= n) return false;
    const c = buf[i];
    let scalar = true;
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_DEPTH) return false;
      stack.push(c);
      i++;
      ws();
      if (buf[i] === (c === 0x7b ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
      } else {
        if (c === 0x7b) {
          if (buf[i] !== 0x22 || !str()) return false;
          ws();
          if (buf[i] !== 0x3a) return false;
          i++;
          ws();
        }
        continue;
      }
      scalar = false;
    }
    if (scalar) {
      let ok;
      if (c === 0x22) ok = str();
      else if (c === 0x74) ok = lit('true');
      else if (c === 0x66) ok = lit('false');
      else if (c === 0x6e) ok = lit('null');
      else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) ok = num();
      else ok = false;
      if (!ok) return false;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      ws();
      if (stack.length === 0) return i === n;
      const top = stack[stack.length - 1];
      if (buf[i] === 0x2c) {
        i++;
        ws();
        if (top === 0x7b) {
          if (buf[i] !== 0x22 || !str()) return false;
          ws();
          if (buf[i] !== 0x3a) return false;
          i++;
          ws();
        }
        break;
      }
      if (buf[i] === (top === 0x7b ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      return false;
    }
  }
}

// In valid JSON, the end of the value that starts at i.
function valueEnd(buf, i) {
  const c = buf[i];
  if (c === 0x22) return stringEnd(buf, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (; i < buf.length; i++) {
      const d = buf[i];
      if (d === 0x22) i = stringEnd(buf, i) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if (d === 0x7d || d === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return buf.length;
  }
  while (i < buf.length && !isWS(buf[i]) && buf[i] !== 0x2c && buf[i] !== 0x7d && buf[i] !== 0x5d) i++;
  return i;
}

function stringEnd(buf, i) {
  for (i++; i < buf.length; i++) {
    if (buf[i] === 0x5c) i++;
    else if (buf[i] === 0x22) return i + 1;
  }
  return buf.length;
}

const skipWS = (buf, i) => {
  while (i < buf.length && isWS(buf[i])) i++;
  return i;
};

// Go's utf8.DecodeRune: [rune, size], invalid → [0xfffd, 1].
function decodeRune(b, i) {
  const c0 = b[i];
  if (c0 < 0x80) return [c0, 1];
  const cont = (k, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c0 >= 0xc2 && c0 <= 0xdf) return cont(1) ? [((c0 & 0x1f) << 6) | (b[i + 1] & 0x3f), 2] : [0xfffd, 1];
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const lo = c0 === 0xe0 ? 0xa0 : 0x80;
    const hi = c0 === 0xed ? 0x9f : 0xbf;
    if (cont(1, lo, hi) && cont(2)) return [((c0 & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f), 3];
    return [0xfffd, 1];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const lo = c0 === 0xf0 ? 0x90 : 0x80;
    const hi = c0 === 0xf4 ? 0x8f : 0xbf;
    if (cont(1, lo, hi) && cont(2) && cont(3)) {
      return [((c0 & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f), 4];
    }
  }
  return [0xfffd, 1];
}

/** The bytes a valid JSON string token buf[start:end] stands for, as encoding/json unquotes it. */
export function unquote(buf, start, end) {
  const parts = [];
  const u4 = (i) => (i + 6 <= end && buf[i] === 0x5c && buf[i + 1] === 0x75 ? parseInt(buf.toString('latin1', i + 2, i + 6), 16) : -1);
  const put = (r) => parts.push(Buffer.from(String.fromCodePoint(r), 'utf8'));
  const stop = end - 1;
  let i = start + 1;
  let run = i; // start of bytes copied as they are
  const flush = () => {
    if (run < i) parts.push(buf.subarray(run, i));
  };
  while (i < stop) {
    const c = buf[i];
    if (c === 0x5c) {
      flush();
      const e = buf[i + 1];
      if (e === 0x75) {
        let r = u4(i);
        i += 6;
        if (r >= 0xd800 && r < 0xe000) {
          const r1 = u4(i);
          if (r < 0xdc00 && r1 >= 0xdc00 && r1 < 0xe000) {
            r = 0x10000 + ((r - 0xd800) << 10) + (r1 - 0xdc00);
            i += 6;
          } else r = 0xfffd;
        }
        put(r);
      } else {
        parts.push(Buffer.from([{ 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9 }[e] ?? e]));
        i += 2;
      }
      run = i;
    } else if (c < 0x80) {
      i++;
    } else {
      const size = decodeRune(buf, i)[1];
      if (size === 1) {
        flush();
        put(0xfffd);
        run = i + 1;
      }
      i += size;
    }
  }
  flush();
  return Buffer.concat(parts);
}

/** The members of the valid JSON object at buf[i]: [{ key: Buffer, start, end }] in order. */
function objectMembers(buf, i) {
  const out = [];
  i = skipWS(buf, i + 1);
  if (buf[i] === 0x7d) return out;
  for (;;) {
    const ke = stringEnd(buf, i);
    const key = unquote(buf, i, ke);
    const start = skipWS(buf, skipWS(buf, ke) + 1);
    const end = valueEnd(buf, start);
    out.push({ key, start, end });
    i = skipWS(buf, end);
    if (buf[i] === 0x7d) return out;
    i = skipWS(buf, i + 1);
  }
}

/** encoding/json's string encoding (HTML escaping off) of bytes. */
export function encodeString(b) {
  const parts = [QUOTE];
  let start = 0;
  const flush = (i, esc) => {
    if (start < i) parts.push(b.subarray(start, i));
    parts.push(Buffer.from(esc, 'latin1'));
  };
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c) {
        i++;
        continue;
      }
      const short = { 0x22: '"', 0x5c: '\\', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't' }[c];
      flush(i, short ? '\\' + short : '\\u00' + hex(c, 2));
      start = ++i;
      continue;
    }
    const [r, size] = decodeRune(b, i);
    if (size === 1 || r === 0x2028 || r === 0x2029) {
      flush(i, size === 1 ? '\\ufffd' : '\\u' + hex(r, 4));
      start = i += size;
      continue;
    }
    i += size;
  }
  if (start < b.length) parts.push(b.subarray(start));
  parts.push(QUOTE);
  return Buffer.concat(parts);
}
const QUOTE = Buffer.from('"');

// encoding/json's compaction of a valid value: whitespace outside strings dropped.
function compact(buf) {
  const out = [];
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) {
      const e = stringEnd(buf, i);
      out.push(...buf.subarray(i, e));
      i = e - 1;
    } else if (!isWS(c)) out.push(c);
  }
  return Buffer.from(out);
}

// How json.Unmarshal matches a key to a struct field: exactly, or equal
// under case folding (where ſ folds to S and the Kelvin sign to K).
function fieldMatches(key, name) {
  if (key.equals(Buffer.from(name))) return true;
  const fold = (s) =>
    [...s]
      .map((ch) => (ch === '\u017f' ? 'S' : ch === '\u212a' ? 'K' : ch < '\u0080' ? ch.toUpperCase() : ch))
      .join('');
  return fold(key.toString('utf8')) === fold(name);
}

// strings.ToLower, rune by rune.
const goLower = (s) => [...s].map((ch) => [...ch.toLowerCase()][0]).join('');

class DefsError extends Error {}

/**
 * The card definitions of one --cards file as the Go CLI reads them: an
 * object keyed by cardId, or a card/get response keyed by its
 * card.<type>.base_info.id. Returns [{ id: Buffer, raw: Buffer }].
 */
function cardDefs(b) {
  const notDefs = () => new DefsError('not a JSON object of card definitions keyed by cardId');
  if (!validJSON(b)) throw notDefs();
  const i = skipWS(b, 0);
  if (b[i] !== 0x7b) throw notDefs();
  const members = new Map(); // key (latin1) → member; the last of a repeated key wins
  for (const m of objectMembers(b, i)) members.set(m.key.toString('latin1'), m);
  const card = members.get('card');
  if (!card) return [...members.values()].map((m) => ({ id: m.key, raw: b.subarray(m.start, m.end) }));
  const noType = () => new DefsError('a card/get response without card.card_type');
  if (b[card.start] !== 0x7b) throw noType();
  const c = new Map();
  for (const m of objectMembers(b, card.start)) c.set(m.key.toString('latin1'), m);
  const ct = c.get('card_type');
  if (!ct || b[ct.start] !== 0x22) throw noType();
  const typ = unquote(b, ct.start, ct.end).toString('utf8');
  if (typ === '') throw noType();
  const lower = goLower(typ);
  const noID = () => new DefsError(`a card/get response without card.${lower}.base_info.id`);
  const body = c.get(Buffer.from(lower, 'utf8').toString('latin1'));
  if (!body) throw noID();
  // Decoded into struct { BaseInfo struct { ID string } }: null leaves a
  // field as it was, a value of another type is an error.
  let id = null;
  const isNull = (m) => b[m.start] === 0x6e;
  if (!isNull(body)) {
    if (b[body.start] !== 0x7b) throw noID();
    for (const f of objectMembers(b, body.start)) {
      if (!fieldMatches(f.key, 'base_info') || isNull(f)) continue;
      if (b[f.start] !== 0x7b) throw noID();
      for (const g of objectMembers(b, f.start)) {
        if (!fieldMatches(g.key, 'id') || isNull(g)) continue;
        if (b[g.start] !== 0x22) throw noID();
        id = unquote(b, g.start, g.end);
      }
    }
  }
  if (id === null || id.length === 0) throw noID();
  let s = 0;
  let e = b.length;
  while (s < e && isWS(b[s])) s++;
  while (e > s && isWS(b[e - 1])) e--;
  return [{ id, raw: b.subarray(s, e) }];
}

/**
 * Merges the card definitions of every --cards file or directory (*.json).
 * Returns a Map id (latin1) → raw JSON Buffer; a cardId defined twice is an
 * error.
 */
export function readCards(roots, env = {}) {
  const cards = new Map();
  if (roots.length === 0) return cards;
  let files;
  try {
    files = readLintFiles(roots, env);
  } catch (err) {
    if (err instanceof FileError) throw new FileError(`--cards: ${err.bytes}`);
    throw err;
  }
  const from = new Map();
  for (const f of files) {
    let defs;
    try {
      defs = cardDefs(f.content);
    } catch (err) {
      if (err instanceof DefsError) throw new FileError(`--cards ${f.path}: ${bytesOf(err.message)}`);
      throw err;
    }
    // In byte order of cardId, as the Go CLI does, so a file repeating
    // several ids always names the same one.
    for (const { id, raw } of [...defs].sort((a, b) => Buffer.compare(a.id, b.id))) {
      const k = id.toString('latin1');
      if (from.has(k)) {
        throw new FileError(
          `--cards: card ${bytesOf(goQuote(id.toString('utf8')))} is defined in both ${from.get(k)} and ${f.path}`,
        );
      }
      cards.set(k, raw);
      from.set(k, f.path);
    }
  }
  return cards;
}

/**
 * The lint request the Go CLI sends for parsed arguments, byte for byte:
 * {"payload":{"files":[…]},"options":{"format","locale"[,"cards"]}}.
 */
export function buildLintRequest(o, env = {}) {
  const cards = readCards(o.cards, env);
  const files = readLintFiles(o.paths, env);
  const parts = [Buffer.from('{"payload":{"files":[')];
  files.forEach((f, k) => {
    parts.push(Buffer.from(k === 0 ? '{"path":' : ',{"path":'), encodeString(fsPath(f.path)));
    parts.push(Buffer.from(',"content":'), encodeString(f.content));
    if (f.explicit) parts.push(Buffer.from(',"explicit":true'));
    if (f.size) parts.push(Buffer.from(`,"size":${f.size}`));
    if (f.special) parts.push(Buffer.from(`,"special":"${f.special}"`));
    parts.push(Buffer.from('}'));
  });
  parts.push(Buffer.from(`]},"options":{"format":"${o.format}","locale":"${o.locale}"`));
  // The terminal's facts; the core decides the colour (as for the Go CLI).
  if (o.terminal) parts.push(Buffer.from(',"color":'), Buffer.from(JSON.stringify(o.terminal)));
  if (cards.size > 0) {
    const keys = [...cards.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    parts.push(Buffer.from(',"cards":{'));
    keys.forEach((k, n) => {
      if (n > 0) parts.push(Buffer.from(','));
      parts.push(encodeString(fsPath(k)), Buffer.from(':'), compact(cards.get(k)));
    });
    parts.push(Buffer.from('}'));
  }
  parts.push(Buffer.from('}}'));
  return Buffer.concat(parts);
}


/** lint's exit status for an output: 1 on errors or more than maxWarnings (≥ 0) warnings. */
export function lintStatus(out, maxWarnings) {
  if (!out.ok) return EXIT_FAIL;
  const max = BigInt(maxWarnings);
  return max >= 0n && BigInt(countWarnings(out)) > max ? EXIT_FAIL : EXIT_OK;
}

const countWarnings = (out) => (Array.isArray(out.diagnostics) ? out.diagnostics : []).filter((d) => d && d.severity === 'warning').length;

// --- commands ----------------------------------------------------------------

async function lint(a, args) {
  const cmd = 'lint';
  let o;
  try {
    o = parseLintArgs(args, a.env);
  } catch (err) {
    if (err instanceof UsageError) return a.usageError(cmd, err.message);
    throw err;
  }
  if (o === null) {
    a.out(LINT_HELP);
    return EXIT_OK;
  }
  for (const p of o.paths) {
    if (!looksLikeTicket(p)) continue;
    try {
      statSync(p);
    } catch {
      return a.fail(cmd, REFUSE_POSITIONAL);
    }
  }
  // The facts, when there are any (none means no colour either way).
  const terminal = { tty: a.isTTY, NO_COLOR: a.env.NO_COLOR || '', FORCE_COLOR: a.env.FORCE_COLOR || '' };
  if (terminal.tty || terminal.NO_COLOR || terminal.FORCE_COLOR) o.terminal = terminal;
  let request;
  try {
    request = buildLintRequest(o, a.env);
  } catch (err) {
    if (err instanceof FileError) {
      a.errBytes(Buffer.from(`wxcard lint: ${err.bytes}\n`, 'latin1'));
      return EXIT_USAGE;
    }
    throw err;
  }
  if (request.length > MAX_INPUT_BYTES) {
    return a.fail(cmd, `the request is ${request.length} bytes, over the ${MAX_INPUT_BYTES}-byte (16 MiB) limit of the npm package`);
  }
  await a.init();
  const raw = Buffer.from(a.engine.callRaw('lint', request));
  let out = null;
  if (validJSON(raw)) {
    try {
      out = JSON.parse(raw.toString('utf8'));
    } catch {
      out = null;
    }
  }
  if (out === null || typeof out !== 'object' || Array.isArray(out) || typeof out.ok !== 'boolean') {
    return a.fail(cmd, 'internal error: the core returned output that is not {"ok","diagnostics"}');
  }
  const diagnostics = Array.isArray(out.diagnostics) ? out.diagnostics : [];
  // The report as bytes, unquoted as encoding/json does.
  let report = Buffer.alloc(0);
  const start = skipWS(raw, 0);
  for (const m of objectMembers(raw, start)) {
    if (m.key.toString('latin1') === 'output' && raw[m.start] === 0x22) report = unquote(raw, m.start, m.end);
  }
  if (report.length === 0 && !out.ok) {
    // No report: the core refused the request as a whole.
    for (const d of diagnostics) a.err(`wxcard lint: ${d.message} (${d.code})\n`);
    return EXIT_USAGE;
  }
  if (report.length > 0) {
    a.outBytes(report[report.length - 1] === 0x0a ? report : Buffer.concat([report, Buffer.from('\n')]));
  }
  for (const d of diagnostics) {
    if (d && d.code === 'request-invalid') return a.fail(cmd, 'internal error: the core refused the request: ' + d.message);
  }
  if (!out.ok) return EXIT_FAIL;
  const warnings = countWarnings(out);
  if (o.maxWarnings >= 0n && BigInt(warnings) > o.maxWarnings) {
    a.err(`wxcard lint: ${warnings} warnings, more than --max-warnings ${o.maxWarnings}\n`);
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

// The ops (OPS, from the core) are never mistaken for a ticket passed positionally.

async function runOp(a, args) {
  const cmd = 'run';
  let pos;
  try {
    pos = parseFlags({}, args);
  } catch (err) {
    if (err === HELP) {
      a.out(RUN_HELP);
      return EXIT_OK;
    }
    if (err instanceof UsageError) return a.usageError(cmd, err.message);
    throw err;
  }
  const ticketLike = (p) => looksLikeTicket(p) && !OPS.includes(p);
  if (pos.length !== 1) {
    if (pos.some(ticketLike)) return a.fail(cmd, REFUSE_POSITIONAL);
    return a.usageError(cmd, 'want exactly one OP');
  }
  const op = pos[0];
  if (ticketLike(op)) return a.fail(cmd, REFUSE_POSITIONAL);
  const input = await readAll(a.stdin);
  if (input === null) {
    return a.fail(cmd, `stdin is over the ${MAX_INPUT_BYTES}-byte (16 MiB) limit of the npm package`);
  }
  await a.init();
  const out = Buffer.from(a.engine.callRaw(op, input));
  a.outBytes(Buffer.concat([out, Buffer.from('\n')]));
  return EXIT_OK;
}

function help(a, args) {
  if (args.length === 0) {
    a.out(USAGE);
    return EXIT_OK;
  }
  if (args.length === 1) {
    const c = findCommand(args[0]);
    if (c && c.goOnly) {
      a.err(goOnly(c.name));
      return EXIT_USAGE;
    }
    if (c) {
      a.out(c.help);
      return EXIT_OK;
    }
    return a.usageError('help', 'unknown command ' + quoteSafe(args[0]));
  }
  return a.usageError('help', 'takes at most one command');
}

let packageVersion = null;
function version() {
  if (packageVersion === null) {
    packageVersion = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
  }
  return packageVersion;
}

function printVersion(a, args) {
  if (args.length > 0) {
    if (args.length === 1 && ['-h', '-help', '--help'].includes(args[0])) {
      a.out(VERSION_HELP);
      return EXIT_OK;
    }
    return a.usageError('version', 'takes no arguments');
  }
  a.out(`wxcard ${version()}\n`);
  return EXIT_OK;
}

// All of stdin, or null when it is over the package's input limit.
async function readAll(stream) {
  const chunks = [];
  let n = 0;
  if (!stream) return Buffer.alloc(0);
  for await (const c of stream) {
    const b = Buffer.from(c);
    n += b.length;
    if (n > MAX_INPUT_BYTES) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Runs the command; returns the exit status. io: { stdin, stdout, stderr,
 * env, engine? } where engine ({ init, callRaw }) defaults to the package's.
 */
export async function main(argv, io) {
  const engine = io.engine || pkg;
  const env = io.env || {};
  const a = {
    env,
    engine,
    isTTY: !!(io.stdout && io.stdout.isTTY),
    stdin: io.stdin,
    out: (s) => io.stdout.write(Buffer.from(s, 'utf8')),
    outBytes: (b) => io.stdout.write(b),
    err: (s) => io.stderr.write(Buffer.from(s, 'utf8')),
    errBytes: (b) => io.stderr.write(b),
    fail(cmd, msg) {
      this.err(`${prog(cmd)}: ${msg}\n`);
      return EXIT_USAGE;
    },
    usageError(cmd, msg) {
      this.err(`${prog(cmd)}: ${msg}\nRun '${prog(cmd)} --help' for usage.\n`);
      return EXIT_USAGE;
    },
    init: () => engine.init(),
  };
  try {
    if (argv.length === 0) {
      a.err(USAGE);
      return EXIT_USAGE;
    }
    const first = argv[0];
    if (first === '-h' || first === '-help' || first === '--help') {
      a.out(USAGE);
      return EXIT_OK;
    }
    if (first === '-version' || first === '--version') return printVersion(a, []);
    const reason = ticketArgument(argv);
    if (reason) return a.fail('', reason);
    const c = findCommand(first);
    if (!c) {
      if (first.startsWith('-')) return a.usageError('', 'unknown flag ' + quoteSafe(first));
      return a.usageError('', 'unknown command ' + quoteSafe(first));
    }
    if (c.goOnly) {
      a.err(goOnly(c.name));
      return EXIT_USAGE;
    }
    return await c.run(a, argv.slice(1));
  } catch (err) {
    const msg = err && err.message ? err.message.replace(/^wxcard: /, '') : String(err);
    a.err(`wxcard: ${msg}\n`);
    return EXIT_USAGE;
  }
}
