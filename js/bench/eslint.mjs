// Benchmark of wxcard/eslint (make bench-js). Prints figures; asserts nothing.
//  - ESLint on 2,000 generated mini program files (test/eslint-project.js:
//    pages and components, a few card flows and planted mistakes) with a few
//    of ESLint's own rules, without and with configs.recommended, in one
//    process: medians of interleaved runs, and the time added (target ≤ 25%);
//    also the plugin rules' own share as ESLint's stats count it.
//  - the first-rule-call cost: in a fresh process, the plugin rules' time on
//    the first file that needs the core (the module is initialised there,
//    synchronously, as ESLint rules cannot wait), against the same file
//    linted again; and initSync alone (import + createWxcard().initSync()).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { median } from './stats.js';

const JS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const FILES = Number(process.env.WXCARD_BENCH_ESLINT_FILES || 2000);
const ROUNDS = Number(process.env.WXCARD_BENCH_ESLINT_ROUNDS || 3);
const COLD_RUNS = Number(process.env.WXCARD_BENCH_COLD_RUNS || 7);
const TARGET_ADDED = 0.25;

const fmt = (x, d = 0) => x.toFixed(d);

// Child modes, each run in a fresh node process (so the module is not yet
// initialised): print one JSON line.
const child = process.argv[2];
if (child === '--init') {
  const t0 = performance.now();
  const { createWxcard } = await import('../index.js');
  const t1 = performance.now();
  createWxcard().initSync();
  const t2 = performance.now();
  console.log(JSON.stringify({ importMs: t1 - t0, initSyncMs: t2 - t1 }));
  process.exit(0);
}
if (child === '--first-file') {
  const [dir, file] = process.argv.slice(3);
  const { ESLint } = await import('eslint');
  const { default: plugin } = await import('../eslint.js');
  const { projectConfig } = await import('../test/eslint-project.js');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: projectConfig(plugin), stats: true });
  const pluginMs = (r) => Object.entries(r.stats.times.passes[0].rules).reduce((n, [id, t]) => n + (id.startsWith('wxcard/') ? t.total : 0), 0);
  const [first] = await eslint.lintFiles([file]);
  const [again] = await eslint.lintFiles([file]);
  console.log(JSON.stringify({ firstMs: pluginMs(first), againMs: pluginMs(again), problems: first.messages.length }));
  process.exit(0);
}

function runChild(args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { cwd: JS_DIR, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const { ESLint } = await import('eslint');
const { writeProject, projectConfig } = await import('../test/eslint-project.js');

const dir = mkdtempSync(join(tmpdir(), 'wxcard-bench-eslint-'));
try {
  const { files, cards, planted } = writeProject(dir, FILES);
  // The first file with a card call: where the plugin first needs the core.
  const firstCardFile = cards[0];

  // Cold figures first, in fresh processes.
  const inits = Array.from({ length: COLD_RUNS }, () => runChild(['--init']));
  const firsts = Array.from({ length: COLD_RUNS }, () => runChild(['--first-file', dir, firstCardFile]));

  const { default: plugin } = await import('../eslint.js');
  const lint = async (withPlugin, stats = false) => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: projectConfig(withPlugin ? plugin : null), stats });
    const t0 = performance.now();
    const results = await eslint.lintFiles(['**/*.js']);
    return { ms: performance.now() - t0, results };
  };
  await lint(false); // warm the file cache and ESLint's own code
  const times = { without: [], with: [] };
  let found = 0;
  for (let r = 0; r < ROUNDS; r++) {
    times.without.push((await lint(false)).ms);
    const w = await lint(true);
    times.with.push(w.ms);
    found = w.results.reduce((n, x) => n + x.messages.length, 0);
  }
  const without = median(times.without);
  const withPlugin = median(times.with);
  const added = withPlugin / without - 1;
  console.log(
    `ESLint on ${files.length} generated mini program files (${Object.keys(projectConfig(null)[0].rules).length} core rules): ` +
      `${fmt(without)} ms without wxcard/eslint, ${fmt(withPlugin)} ms with configs.recommended: ` +
      `${fmt(added * 100, 1)}% added (medians of ${ROUNDS} interleaved runs; target ≤ ${TARGET_ADDED * 100}%: ` +
      `${added <= TARGET_ADDED ? 'met' : 'MISSED'}); ${found} problems found, ${planted.length} planted`,
  );

  // The plugin rules' own time, as ESLint's stats count it (one run).
  const s = await lint(true, true);
  let pluginMs = 0;
  let totalMs = 0;
  const byRule = {};
  for (const r of s.results) {
    for (const pass of r.stats.times.passes) {
      totalMs += pass.total;
      for (const [id, t] of Object.entries(pass.rules)) {
        if (!id.startsWith('wxcard/')) continue;
        pluginMs += t.total;
        byRule[id] = (byRule[id] || 0) + t.total;
      }
    }
  }
  console.log(
    `  the plugin's rules by ESLint's stats: ${fmt(pluginMs)} ms of ${fmt(totalMs)} ms linting (${fmt((pluginMs / totalMs) * 100, 1)}%): ` +
      Object.entries(byRule)
        .map(([id, t]) => `${id.slice('wxcard/'.length)} ${fmt(t)} ms`)
        .join(', '),
  );

  const initSync = median(inits.map((x) => x.initSyncMs));
  const first = median(firsts.map((x) => x.firstMs));
  const again = median(firsts.map((x) => x.againMs));
  console.log(
    `first-rule-call cost: the plugin's rules on the first file that needs the core (${firstCardFile}, in a fresh process): ` +
      `${fmt(first, 1)} ms, against ${fmt(again, 1)} ms for the same file linted again; ` +
      `initSync alone ${fmt(initSync, 1)} ms (import of the entry ${fmt(median(inits.map((x) => x.importMs)), 1)} ms; medians of ${COLD_RUNS})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
