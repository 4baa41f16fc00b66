// `npm test`: typecheck, lint, build the UI, then every vitest suite (unit, component, end-to-end in
// Chromium). Ends with one line "N passed, N failed" summing every suite; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const results = [];

function step(name, command, args) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  const ok = run.status === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 });
  return ok;
}

step('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
const built = step('build renderer', bin('vite'), ['build', '--logLevel', 'warn']);
if (step('build electron', process.execPath, ['scripts/build-electron.mjs'])) step('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);

fs.mkdirSync('test-results', { recursive: true });
// One suite at a time: the crash test's child processes and a real browser would otherwise compete
// for this machine's two cores and turn timing into flakiness.
const suites = built ? ['unit', 'component', 'e2e'] : ['unit', 'component']; // end-to-end needs the built UI
if (!built) results.push({ name: 'e2e (not run: no build)', passed: 0, failed: 1, seconds: 0 });
for (const suite of suites) {
  const report = path.join('test-results', `vitest-${suite}.json`);
  fs.rmSync(report, { force: true });
  const started = Date.now();
  console.log(`\n=== vitest ${suite}`);
  spawnSync(bin('vitest'), ['run', '--project', suite, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit' });
  const entry = { name: suite, passed: 0, failed: 0, seconds: (Date.now() - started) / 1000 };
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    for (const file of json.testResults) {
      for (const test of file.assertionResults) {
        if (test.status === 'passed') entry.passed++;
        else if (test.status === 'failed') entry.failed++;
      }
      // A file that failed to load has no assertions but must still count as a failure.
      if (file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')) entry.failed++;
    }
    if (json.numTotalTests === 0) entry.failed++; // a suite that ran nothing is a failure too
  } else {
    entry.failed++;
  }
  results.push(entry);
}

console.log('\nsuite                     passed  failed  seconds');
for (const r of results) console.log(`${r.name.padEnd(24)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
