// The CLI's project list: cooperation projects with their figures summed (a year's, with --year).
import type { ApiInput } from '../contract/registry.js';
import { FIGURE_KEYS, projectKindName } from '../projects/fields.js';
import { call, type CliIo, type Caller } from './call.js';
import { list, UsageError, type CliValues } from './options.js';

export async function listProjects(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError('--year takes a year like 2025.');
  const input = { year: values.year === undefined ? undefined : Number(values.year), kinds: list(values.kind), text: values.text } as ApiInput<'projects.list'>;
  const rows = await call(core, 'projects.list', input);
  if (values.json) {
    io.out(JSON.stringify(rows.map((p) => ({ id: p.id, name: p.name, kind: p.kind, kindName: projectKindName(p.kind), agreement: p.agreementNumber, partners: p.partners.map((x) => x.name), startDate: p.startDate, endDate: p.endDate, years: p.years, totals: p.totals })), null, 2));
    return 0;
  }
  for (const p of rows) io.out([p.name, projectKindName(p.kind), p.agreementNumber ?? '', p.partners.map((x) => x.name).join('、'), ...FIGURE_KEYS.map((k) => p.totals[k] ?? '')].join('\t'));
  io.out(`${rows.length} projects`);
  return 0;
}
