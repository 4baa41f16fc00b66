// Runs Electronegativity over the built main and preload code (dist-electron) and fails on any finding
// that docs/electronegativity-reviewed.json does not list with a reason. The check that downloads
// Electron's release list is left out: this must run offline, and the version is pinned in package.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;
const reviewed = JSON.parse(fs.readFileSync('docs/electronegativity-reviewed.json', 'utf8'));

const quiet = console.log;
console.log = () => undefined; // the runner chatters about translations it cannot download
let result;
try {
  result = await run({
    input: path.resolve('dist-electron'),
    output: path.join(os.tmpdir(), `electronegativity-${process.pid}.csv`),
    isSarif: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = quiet;
}

const findings = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity?.name ?? String(i.severity) }));
const unreviewed = findings.filter((f) => !reviewed.some((r) => r.id === f.id && r.file === f.file));
console.log(`Electronegativity ${electronVersion}: ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ${unreviewed.length} unreviewed, ${result.errors.length} parse errors`);
for (const f of findings) console.log(`  ${unreviewed.includes(f) ? 'UNREVIEWED' : 'reviewed  '}  ${f.id}  ${f.file}:${f.line}`);
for (const e of result.errors) console.log(`  parse error: ${e.file}: ${e.message}`);
process.exit(unreviewed.length === 0 && result.errors.filter((e) => !e.tolerable).length === 0 ? 0 : 1);
