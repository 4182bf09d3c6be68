// The V8 half of make profile-wasm (build/profile-wasm.sh).
//   node --cpu-prof --cpu-prof-dir=D build/profile-v8.mjs test.wasm ARGS...
//     runs a wasip1 Go test binary under node:wasi (no files, no environment);
//   node build/profile-v8.mjs --summary D
//     prints the functions with the largest shares of the sampled time.
import { WASI } from 'node:wasi';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [first, ...rest] = process.argv.slice(2);
if (first === '--summary') {
  const dir = rest[0];
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().pop();
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (const id of p.samples) {
    const name = nodes.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) || 0) + 1);
  }
  const total = p.samples.length;
  const wasm = [...self].filter(([n]) => n.includes('.')); // Go functions: package.name
  const inWasm = wasm.reduce((s, [, c]) => s + c, 0);
  console.log(`V8: ${total} samples, ${((100 * inWasm) / total).toFixed(1)}% in the module; self time by function:`);
  for (const [name, c] of wasm.sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((100 * c) / inWasm).toFixed(1).padStart(5)}%  ${name.replace(/^github\.com_wxcard_wxcard_wasm_card\./, '')}`);
  }
} else {
  const wasi = new WASI({ version: 'preview1', args: ['test', ...rest], env: {}, returnOnExit: true });
  const mod = await WebAssembly.compile(readFileSync(first));
  const inst = await WebAssembly.instantiate(mod, wasi.getImportObject());
  process.exitCode = wasi.start(inst);
}
