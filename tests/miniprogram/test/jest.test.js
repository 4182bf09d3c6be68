// Runs the sample's Jest tests (jest/, with miniprogram-simulate and the
// jsdom environment) on a copy of the sample with wxcard installed from the
// packed tarball: what a mini program project's `npx jest` does. They use
// require('wxcard'), its guard and wxcard/testing's mock.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { assemble, HERE } = require('./project');

test('Jest + miniprogram-simulate: require("wxcard"), the sample components, the mock and the guard', (t) => {
  const dir = assemble(t, ['jest']);
  const config = {
    rootDir: dir,
    testEnvironment: require.resolve('jest-environment-jsdom'),
    testMatch: ['<rootDir>/jest/**/*.test.js'],
    // The test tools live in this project's node_modules, the app's own
    // dependencies (wxcard, ms) in the copy's.
    modulePaths: [path.join(HERE, 'node_modules')],
    cacheDirectory: path.join(dir, '.jest-cache'),
  };
  const r = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--ci', '--config', JSON.stringify(config), '--json'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch (_) {
    assert.fail(`jest gave no JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const failures = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status !== 'passed').map((a) => `${a.fullName}: ${a.failureMessages.join('\n')}`));
  assert.deepEqual(failures, [], r.stderr);
  assert.equal(report.numPassedTests, 6, r.stderr);
  assert.equal(r.status, 0, r.stderr);
});
