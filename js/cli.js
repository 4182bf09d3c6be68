// The npm `wxcard` command. Same words and output as the Go CLI:
//   wxcard lint [--format text|json|sarif|github] [--locale en|zh-CN]
//               [--cards FILE_OR_DIR] [--max-warnings N] PATH...
//   wxcard run OP
// Exit status: 0 clean, 1 errors (or warnings over --max-warnings), 2 usage
// or internal error. `run` exits 0 whenever the module answered.
//
// File collection (lint PATHs and a --cards directory): a file named on the
// command line is always taken; a directory is walked recursively, entries
// in byte order of their names, taking files whose name ends in ".json" and
// skipping directories named node_modules or starting with ".". Request
// paths are the joined paths with "/" separators.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pkg from './index.js';
import { MAX_INPUT_BYTES } from './index.js';

export const USAGE = `usage:
  wxcard lint [--format text|json|sarif|github] [--locale en|zh-CN] [--cards FILE_OR_DIR] [--max-warnings N] PATH...
  wxcard run OP    reads the op's input JSON on stdin and writes its output JSON on stdout
`;

const FORMATS = ['text', 'json', 'sarif', 'github'];
const LOCALES = ['en', 'zh-CN'];

/** A problem with how the command was called: exit 2 with usage. */
export class UsageError extends Error {}

/** The locale a LANG value implies: zh… → zh-CN, anything else → en. */
export function localeFromLang(lang) {
  return /^zh/i.test(lang || '') ? 'zh-CN' : 'en';
}

/** Parses lint's arguments (after "lint"). Flags may come before or after paths; "--" ends them. */
export function parseLintArgs(args, env = {}) {
  const o = { format: 'text', locale: localeFromLang(env.LANG), cards: null, maxWarnings: -1, paths: [] };
  const takesValue = new Set(['--format', '--locale', '--cards', '--max-warnings']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      o.paths.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      o.paths.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a : a.slice(0, eq)).replace(/^-(?=[^-])/, '--');
    if (!takesValue.has(name)) throw new UsageError(`unknown flag ${a}`);
    let value;
    if (eq >= 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    else throw new UsageError(`flag ${name} needs a value`);
    switch (name) {
      case '--format':
        if (!FORMATS.includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        o.format = value;
        break;
      case '--locale':
        if (!LOCALES.includes(value)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}`);
        o.locale = value;
        break;
      case '--cards':
        o.cards = value;
        break;
      case '--max-warnings':
        if (!/^-?\d+$/.test(value)) throw new UsageError('--max-warnings must be an integer');
        o.maxWarnings = Number(value);
        break;
    }
  }
  if (o.paths.length === 0) throw new UsageError('lint needs at least one PATH');
  return o;
}

function byBytes(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

async function walk(dir, out) {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byBytes(a.name, b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      await walk(p, out);
    } else if (e.name.endsWith('.json') && (e.isFile() || (await stat(p)).isFile())) {
      out.push(p);
    }
  }
}

/** The files PATHs name: explicit files as given, directories walked. */
export async function collectFiles(paths) {
  const out = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out.map((p) => p.split('\\').join('/'));
}

async function readJSON(path) {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${path}: not valid JSON: ${err.message}`);
  }
}

/**
 * Reads --cards: a file or a directory of .json files. Each file is either
 * WeChat's card/get response ({"card":{"card_type","<type>":{"base_info":{"id"}}}},
 * keyed by its base_info.id) or an object of definitions keyed by cardId.
 */
export async function loadCards(path) {
  let files;
  try {
    files = (await stat(path)).isDirectory() ? await collectFiles([path]) : [path];
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--cards ${path}: no such file or directory`);
  }
  const cards = {};
  for (const f of files) {
    const v = await readJSON(f);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`${f}: card definitions must be a JSON object`);
    const card = v.card;
    if (card && typeof card === 'object' && typeof card.card_type === 'string') {
      const info = card[card.card_type.toLowerCase()];
      const id = info && info.base_info && info.base_info.id;
      if (typeof id !== 'string' || id === '') throw new UsageError(`${f}: card/get response without base_info.id`);
      cards[id] = v;
    } else {
      Object.assign(cards, v);
    }
  }
  return cards;
}

/** The lint request for parsed arguments. */
export async function buildLintRequest(o) {
  const files = [];
  for (const path of await collectFiles(o.paths)) {
    files.push({ path, content: await readFile(path, 'utf8') });
  }
  const options = { format: o.format, locale: o.locale };
  if (o.cards !== null) options.cards = await loadCards(o.cards);
  return { payload: { files }, options };
}

/** lint's exit status for an output: 1 on errors or more than maxWarnings (≥ 0) warnings. */
export function lintStatus(out, maxWarnings) {
  if (!out.ok) return 1;
  const warnings = (out.diagnostics || []).filter((d) => d.severity === 'warning').length;
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}

async function readAll(stream) {
  const chunks = [];
  let n = 0;
  for await (const c of stream) {
    chunks.push(c);
    n += c.length;
    if (n > MAX_INPUT_BYTES) throw new Error(`stdin is over the ${MAX_INPUT_BYTES}-byte limit`);
  }
  return Buffer.concat(chunks);
}

/**
 * Runs the command; returns the exit status. io: { stdin, stdout, stderr,
 * env, engine? } where engine ({ init, callRaw }) defaults to the package's.
 */
export async function main(argv, io) {
  const say = (s) => io.stderr.write(s);
  const { init, callRaw } = io.engine || pkg;
  const [cmd, ...rest] = argv;
  try {
    if (cmd === '-h' || cmd === '--help' || cmd === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (cmd === 'run') {
      if (rest.length !== 1 || rest[0].startsWith('-')) throw new UsageError('run takes exactly one OP');
      const input = await readAll(io.stdin);
      await init();
      io.stdout.write(callRaw(rest[0], input));
      return 0;
    }
    if (cmd === 'lint') {
      const o = parseLintArgs(rest, io.env);
      const request = await buildLintRequest(o);
      await init();
      const out = JSON.parse(Buffer.from(callRaw('lint', request)).toString('utf8'));
      if (typeof out.output === 'string') io.stdout.write(out.output);
      return lintStatus(out, o.maxWarnings);
    }
    throw new UsageError(cmd === undefined ? 'missing command' : `unknown command ${cmd}`);
  } catch (err) {
    if (err instanceof UsageError) {
      say(`wxcard: ${err.message}\n${USAGE}`);
    } else {
      say(`wxcard: ${err && err.message ? err.message.replace(/^wxcard: /, '') : err}\n`);
    }
    return 2;
  }
}
