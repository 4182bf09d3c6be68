// Shared by the toolchain tests: the packed wxcard tarball (make dist), a
// fresh copy of this sample mini program with wxcard installed from it as a
// user would (npm i ../wxcard-x.y.z.tgz), the conformance vectors, and the
// devtools' two JS compilers as miniprogram-ci ships them.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const HERE = path.join(__dirname, '..');
const REPO = path.join(HERE, '..', '..');
const VECTORS = path.join(REPO, 'tests', 'vectors');
const WASM = path.join(REPO, 'wasm', 'wxcard.wasm');

// The files of the sample that make its code package.
const APP_FILES = ['app.js', 'app.json', 'sitemap.json', 'project.config.json', 'pages', 'components'];

function tarball() {
  const given = process.env.WXCARD_TARBALL;
  if (given) return given;
  const dir = path.join(REPO, 'dist');
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^wxcard-.*\.tgz$/.test(f)).sort() : [];
  if (found.length === 0) throw new Error(`no wxcard tarball in ${dir}: run make dist (or set WXCARD_TARBALL)`);
  return path.join(dir, found[found.length - 1]);
}

/** A temporary copy of the sample with node_modules/{wxcard,ms}; removed by t.after. */
function assemble(t, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxcard-mp-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const f of [...APP_FILES, ...extra]) fs.cpSync(path.join(HERE, f), path.join(dir, f), { recursive: true });
  const tgz = tarball();
  const pkg = JSON.parse(fs.readFileSync(path.join(HERE, 'package.json'), 'utf8'));
  const app = { name: pkg.name, private: true, dependencies: { ...pkg.dependencies, wxcard: `file:${tgz}` } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(app, null, 2));
  const wx = path.join(dir, 'node_modules', 'wxcard');
  fs.mkdirSync(wx, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tgz, '-C', wx, '--strip-components=1'], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  for (const dep of Object.keys(pkg.dependencies)) {
    fs.cpSync(path.join(HERE, 'node_modules', dep), path.join(dir, 'node_modules', dep), { recursive: true });
  }
  return dir;
}

/** Every vector, read by the npm package's own test helper (one reader of tests/vectors). */
async function readVectors() {
  const { pathToFileURL } = require('node:url');
  const helpers = await import(pathToFileURL(path.join(REPO, 'js', 'test', 'helpers.js')).href);
  return helpers.readVectors(VECTORS);
}

// miniprogram-ci's copies of the devtools' compilers: "ES6 转 ES5" (Babel 6,
// es2015 + stage-0) and "增强编译" (Babel 7 preset-env for iOS 8 / Chrome 53
// with transform-runtime, whose helpers come from its vendored
// @babel/runtime and are written into the code package).
const CI_JS = path.join(path.dirname(require.resolve('miniprogram-ci')), 'modules', 'corecompiler', 'original', 'js');
const HELPERS = path.join(path.dirname(require.resolve('miniprogram-ci')), 'vendor', 'babel_runtime');

const COMPILERS = {
  es6(code, filePath) {
    const r = require(path.join(CI_JS, 'es6Transform.js'))({ code, filePath });
    if (r.error) throw new Error(r.error.message);
    return { code: r.code, helpers: [] };
  },
  enhance(code, filePath) {
    const r = require(path.join(CI_JS, 'enhance.js'))({ code, filePath, babelRoot: '@babel/runtime' });
    if (r.error) throw new Error(r.error.message);
    return { code: r.code, helpers: r.helpers };
  },
};

function jsFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...jsFiles(dir, p));
    } else if (e.name.endsWith('.js')) out.push(p);
  }
  return out.sort();
}

/**
 * Copies the code package in src (node_modules left out, as the devtools
 * leave it out) to a new folder with every .js file compiled by the named
 * compiler, and the helpers enhanced output requires beside them.
 */
function compileCopy(t, src, mode) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wxcard-mp-${mode}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(src, dir, { recursive: true, filter: (p) => path.basename(p) !== 'node_modules' });
  const helpers = new Set();
  const compiled = {};
  for (const f of jsFiles(dir)) {
    const r = COMPILERS[mode](fs.readFileSync(path.join(dir, f), 'utf8'), f);
    fs.writeFileSync(path.join(dir, f), r.code);
    compiled[f] = r.code;
    for (const h of r.helpers) helpers.add(h);
  }
  // The helpers and the helpers they require, as the devtools write them.
  const todo = [...helpers].map((h) => h.replace(/^@babel\/runtime\//, ''));
  const written = new Set();
  while (todo.length) {
    const name = todo.pop();
    if (written.has(name)) continue;
    written.add(name);
    const code = fs.readFileSync(path.join(HELPERS, `${name}.js`), 'utf8');
    const to = path.join(dir, '@babel', 'runtime', `${name}.js`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, code);
    for (const m of code.matchAll(/require\("\.\/([\w.]+?)(?:\.js)?"\)/g)) todo.push(path.posix.join(path.posix.dirname(name), m[1]));
  }
  return { dir, compiled, helpers: [...helpers].sort() };
}

/** miniprogram-ci's packNpm (工具 → 构建 npm) on the project in dir. */
async function packNpm(dir) {
  const ci = require('miniprogram-ci');
  const crypto = require('node:crypto');
  // packNpm never signs anything, but a Project needs a key file.
  const key = path.join(dir, '..', `${path.basename(dir)}.key`);
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  fs.writeFileSync(key, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  try {
    const project = new ci.Project({
      appid: 'touristappid',
      type: 'miniProgram',
      projectPath: dir,
      privateKeyPath: key,
      ignores: ['node_modules/**/*'],
    });
    return await ci.packNpm(project, { reporter: () => {} });
  } finally {
    fs.rmSync(key, { force: true });
  }
}

module.exports = { HERE, REPO, WASM, assemble, readVectors, compileCopy, packNpm, jsFiles, tarball };
