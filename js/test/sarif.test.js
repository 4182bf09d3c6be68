// lint --format sarif writes SARIF 2.1.0 that validates against the OASIS
// schema (the copy @microsoft/jest-sarif ships; nothing is fetched).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { init, lint } from '../index.js';
import { JS_DIR, requireWasm } from './helpers.js';

requireWasm();
const require = createRequire(import.meta.url);
const schemaPath = join(require.resolve('@microsoft/jest-sarif/package.json'), '..', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  delete schema.$schema; // draft-07, which Ajv speaks by default
  // The schema still carries draft-04 "id" keywords (strings); a property
  // named id maps to an object and stays.
  (function dropIds(v) {
    if (v && typeof v === 'object') {
      if (typeof v.id === 'string') delete v.id;
      Object.values(v).forEach(dropIds);
    }
  })(schema);
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

test('every SARIF report in the lint vectors is valid SARIF 2.1.0', () => {
  const validate = validator();
  const dir = join(JS_DIR, '..', 'tests', 'vectors', 'lint');
  let checked = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.output.json'))) {
    const out = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const input = JSON.parse(readFileSync(join(dir, name.replace('.output.json', '.input.json')), 'utf8'));
    if (input.options?.format !== 'sarif') continue;
    const log = JSON.parse(out.output);
    assert.ok(validate(log), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.ok(log.runs[0].results.length > 0, `${name} has results`);
    checked++;
  }
  assert.ok(checked >= 3, `checked ${checked} SARIF reports`);
});

test('the schema check can fail', () => {
  const validate = validator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
});

test('a SARIF report made here, with a file that is not JSON, validates', async () => {
  await init();
  const out = lint({ files: [{ path: 'dir with space/中.json', content: '{"cardList": [ {"cardId": "x",} ]}' }] }, { format: 'sarif', locale: 'zh-CN' });
  assert.equal(out.ok, false);
  const validate = validator();
  const log = JSON.parse(out.output);
  assert.ok(validate(log), JSON.stringify(validate.errors));
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'dir%20with%20space/%E4%B8%AD.json');
});
