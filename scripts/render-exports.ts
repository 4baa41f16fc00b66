// Renders every export of the sample alliance the way a clerk's office suite would show it:
// `npm run render:exports -- [OUT_DIR]` writes each file, converts it with LibreOffice (when
// installed: `apt install libreoffice-writer-nogui libreoffice-calc-nogui`) and rasterises the
// first pages with poppler's pdftoppm, so the PNGs can be looked at. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../core/cli/run-cli.js';
import { EXPORTS } from '../core/io/exports/formats.js';

const out = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-render-')));
const dataDir = path.join(out, 'data');
fs.mkdirSync(out, { recursive: true });
const io = { out: () => undefined, err: (line: string) => console.error(line) };
const lines: string[] = [];
await runCli(['--data-dir', dataDir, 'sample', 'load'], io);
await runCli(['--data-dir', dataDir, 'events', 'list', '--json'], { out: (l) => lines.push(l), err: console.error });
const eventId = (JSON.parse(lines.join('\n')) as { id: string }[])[0]!.id;

// Every export in every format it has (the list the CLI and the menus read), so a new one is rendered too.
const exports: [string, string[]][] = [];
const needsEvent = new Set<string>(['meeting', 'signin']);
for (const [name, formats] of Object.entries(EXPORTS)) {
  // What an export needs besides its format: an event, a year, which certificates.
  const extra = needsEvent.has(name) ? ['--event', eventId] : name === 'annual' ? ['--year', '2023'] : name === 'certificates' ? ['--kind', 'plaque'] : [];
  for (const format of formats) exports.push([`${name}.${format}`, [name, ...extra]]);
}
for (const [file, args] of exports) {
  if ((await runCli(['--data-dir', dataDir, 'export', ...args, '--out', path.join(out, file)], io)) !== 0) throw new Error(`export ${file} failed`);
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const rendered = path.join(out, 'rendered');
fs.mkdirSync(rendered, { recursive: true });
for (const [file] of exports) {
  const source = path.join(out, file);
  let pdf = source;
  if (!file.endsWith('.pdf')) {
    if (!hasSoffice) continue;
    const target = path.join(rendered, file.replace('.', '-'));
    fs.mkdirSync(target, { recursive: true });
    // csv: headless LibreOffice skips the text-import dialog (which reads the BOM as UTF-8), so the
    // same choice is passed as a filter: comma, double quote, UTF-8 (76), from line 1.
    const filter = file.endsWith('.csv') ? ['--infilter=CSV:44,34,76,1'] : [];
    execFileSync('soffice', ['--headless', ...filter, '--convert-to', 'pdf', '--outdir', target, source], { stdio: 'ignore' });
    pdf = path.join(target, file.replace(/\.\w+$/, '.pdf'));
  }
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, path.join(rendered, file.replace('.', '-'))]);
}
console.log(`Exports in ${out}; first pages as PNG in ${rendered}${hasSoffice ? '' : ' (pdf only: LibreOffice is not installed)'}.`);
