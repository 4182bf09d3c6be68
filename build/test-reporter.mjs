// A compact node:test reporter for make test: a dot per file's tests (not
// per test), every failure in full, and one summary line at the end, also
// appended to $WXCARD_TEST_SUMMARY so make test can end with every suite's.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';

const SUITE = process.env.WXCARD_TEST_SUITE || 'node --test';

export default async function* compact(source) {
  const counts = { pass: 0, fail: 0, skip: 0, todo: 0 };
  const failures = [];
  const started = Date.now();
  let column = 0;
  for await (const { type, data } of source) {
    if (type === 'test:pass' || type === 'test:fail') {
      // Count tests, not the suites (describe blocks) that hold them.
      if (data.details && data.details.type === 'suite') continue;
      if (type === 'test:fail') {
        counts.fail++;
        failures.push(data);
        yield 'F';
      } else if (data.skip) {
        counts.skip++;
      } else if (data.todo) {
        counts.todo++;
      } else {
        counts.pass++;
        if (counts.pass % 10 === 0) yield '.';
        else continue;
      }
      if (++column % 80 === 0) yield '\n';
    } else if (type === 'test:stderr' || type === 'test:stdout') {
      // A test's own output is kept out unless it failed (node prints it
      // with the failure's details).
    }
  }
  yield '\n';
  for (const f of failures) {
    const where = f.file ? relative(process.cwd(), f.file) + (f.line ? `:${f.line}` : '') : '';
    const err = f.details && f.details.error;
    const cause = err && (err.cause || err);
    yield `\n✖ ${f.name}${where ? `  (${where})` : ''}\n`;
    if (cause) yield String(cause.stack || cause.message || cause).split('\n').slice(0, 30).map((l) => '    ' + l).join('\n') + '\n';
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const line = `${SUITE}: ${counts.pass + counts.fail + counts.skip + counts.todo} tests, ${counts.pass} passed, ${counts.fail} failed` +
    (counts.skip ? `, ${counts.skip} skipped` : '') + ` (${secs} s)`;
  yield line + '\n';
  if (process.env.WXCARD_TEST_SUMMARY) appendFileSync(process.env.WXCARD_TEST_SUMMARY, line + '\n');
}
