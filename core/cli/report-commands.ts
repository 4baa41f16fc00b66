// The CLI's annual report: its figures as text or JSON (one object per table, the figures as
// numbers), or the report as a docx, xlsx or pdf file.
import path from 'node:path';
import { writeFileAtomic } from '../io/write-file.js';
import { call, type CliIo, type Caller } from './call.js';
import { UsageError, type CliValues } from './options.js';

const FORMATS = ['docx', 'xlsx', 'pdf'] as const;

export async function annualReport(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year takes a year like 2025.');
  const year = Number(values.year);
  if (values.format || values.out) {
    if (!values.out) throw new UsageError('--out FILE is required with --format.');
    const format = values.format ?? path.extname(values.out).slice(1).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`report annual writes ${FORMATS.join(', ')}; choose one with --format.`);
    const file = await call(core, 'exports.annual', { year, format: format as (typeof FORMATS)[number] });
    const target = path.resolve(values.out);
    writeFileAtomic(target, Buffer.from(file.bytes, 'base64'));
    io.out(`Wrote ${target}.`);
    if (file.missingCharacters?.length) io.err(`No embedded font has these characters; they print as empty boxes: ${file.missingCharacters.join(' ')}`);
    return 0;
  }
  const report = await call(core, 'reports.annual', { year });
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(`${report.allianceName ?? ''}${year}年度报告`);
  for (const table of report.tables) {
    io.out(`\n${table.title}`);
    io.out(['', ...table.columns.map((c) => c.label)].join('\t'));
    for (const row of table.rows) if (row.values.some((v) => v !== 0) || row.key === 'total') io.out([row.label, ...row.values].join('\t'));
  }
  return 0;
}
