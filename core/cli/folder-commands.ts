// The CLI's commands on the data folder and its files: exports, backups, the check, restores and
// generated or sample data.
import path from 'node:path';
import { AppError } from '../contract/errors.js';
import type { ApiInput } from '../contract/registry.js';
import type { DataFolder } from '../folder/data-folder.js';
import { EXPORTS, type ExportName } from '../io/exports/formats.js';
import { writeFileAtomic } from '../io/write-file.js';
import { generateAgreements, generateMembers } from '../sample/generate.js';
import { call, type CliIo } from './call.js';
import { agreementFilters } from './list-commands.js';
import { list, UsageError, type CliValues } from './options.js';

function spareRowsOf(values: CliValues): number | undefined {
  if (values.spare === undefined) return undefined;
  if (!/^\d{1,3}$/.test(values.spare)) throw new UsageError('--spare must be a whole number of rows (0–200).');
  return Number(values.spare);
}

function exportInput(name: ExportName, format: string, values: CliValues) {
  switch (name) {
    case 'roster':
      return { method: 'exports.roster', input: { format, includeUscc: Boolean(values.uscc), categories: list(values.category), roles: list(values.role), text: values.text, order: values.order } } as const;
    case 'council':
      return { method: 'exports.council', input: { format, order: values.order, asOf: values['as-of'] } } as const;
    case 'meeting':
      if (!values.event) throw new UsageError('--event ID is required (see events list).');
      return { method: 'exports.meeting', input: { id: values.event, format, part: values.part === 'sign-in' ? 'signIn' : values.part, spareRows: spareRowsOf(values) } } as const;
    case 'agreements':
      return { method: 'exports.agreements', input: { format, ...agreementFilters(values) } } as const;
    case 'signin':
      if (!values.event) throw new UsageError('--event ID is required (see events list).');
      return { method: 'exports.signIn', input: { id: values.event, format, spareRows: spareRowsOf(values) } } as const;
    case 'annual':
      if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year Y is required: the year the report covers.');
      return { method: 'exports.annual', input: { year: Number(values.year), format } } as const;
    case 'plaques':
    case 'appointments':
      return { method: 'exports.awards', input: { kind: name === 'plaques' ? 'plaque' : 'appointment', format } } as const;
    case 'certificates':
      if (values.kind !== 'plaque' && values.kind !== 'appointment') throw new UsageError('--kind plaque|appointment is required.');
      return { method: 'exports.certificates', input: { kind: values.kind } } as const;
    case 'contacts':
      return { method: 'exports.contacts', input: { format, categories: list(values.category), roles: list(values.role), text: values.text, order: values.order } } as const;
    case 'talent':
      return { method: 'exports.talent', input: { format, direction: values.direction } } as const;
  }
}

export async function exportFile(core: DataFolder, name: ExportName, values: CliValues, io: CliIo): Promise<number> {
  if (!values.out) throw new UsageError('--out FILE is required.');
  const format = values.format ?? path.extname(values.out).slice(1).toLowerCase();
  if (!(EXPORTS[name] as readonly string[]).includes(format)) throw new UsageError(`export ${name} writes ${EXPORTS[name].join(', ')}; choose one with --format.`);
  const { method, input } = exportInput(name, format, values);
  const file = await call(core, method, input as ApiInput<typeof method>);
  const target = path.resolve(values.out);
  writeFileAtomic(target, Buffer.from(file.bytes, 'base64'));
  io.out(`Wrote ${target}.`);
  if (file.missingCharacters?.length) io.err(`No embedded font has these characters; they print as empty boxes: ${file.missingCharacters.join(' ')}`);
  return 0;
}

export async function backup(core: DataFolder, values: CliValues, io: CliIo): Promise<number> {
  if (values.out) {
    // One file with the scans inside, written beside the target under a temporary name, then renamed.
    const target = path.resolve(values.out);
    const made = await core.backupTo(target);
    io.out(`Backed up to ${target} (${made.size} bytes).`);
    if (made.missingFiles.length > 0) io.err(`${made.missingFiles.length} attachment files were missing from the data folder and are not in the backup; run check to see which records.`);
    return 0;
  }
  const made = await core.backup('manual');
  io.out(`Backed up to ${path.join(core.backupsDir, made.name)} (${made.size} bytes).`);
  return 0;
}

export function check(core: DataFolder, values: CliValues, io: CliIo): number {
  const result = core.check();
  if (values.json) {
    io.out(JSON.stringify({ file: core.file, ...result }, null, 2));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    io.out(`ok: ${core.file} passed integrity_check in ${result.milliseconds.toFixed(0)} ms; ${result.attachmentsChecked} attachments match their files.`);
    return 0;
  }
  if (result.damage) io.err(`FAILED: ${core.file} is damaged (${result.damage.kind}): ${result.damage.reason}. Restore a backup: restore FILE (see backups/).`);
  else if (result.reason) io.err(`FAILED: ${core.file}: ${result.reason}`);
  for (const missing of result.missingFiles) {
    io.err(`attachment ${missing.problem === 'missing' ? 'missing' : 'changed'}: ${missing.fileName} of ${missing.ownerType} ${missing.owner || missing.ownerId}`);
  }
  return 1;
}

export async function restore(core: DataFolder, file: string, io: CliIo): Promise<number> {
  await core.restoreFrom(path.resolve(file));
  io.out(`Restored ${file}; the data before it was backed up in ${core.backupsDir}.`);
  return 0;
}

export async function loadSample(core: DataFolder, values: CliValues, io: CliIo): Promise<number> {
  const result = await call(core, 'sample.load', { confirmed: Boolean(values.yes) });
  io.out(`Loaded the sample alliance: ${result.profile?.name}, ${result.memberCount} members.`);
  return 0;
}

export async function removeSampleData(core: DataFolder, io: CliIo): Promise<number> {
  const { removed, kept } = await call(core, 'sample.remove', {});
  io.out(`Removed the sample: ${removed.members} members, ${removed.agreements} agreements, ${removed.events} events, ${removed.talentItems} talent items${removed.profile ? ' and its profile' : ''}.`);
  for (const record of kept) io.out(`Kept (your records use it): ${record.kind} ${record.name}`);
  return 0;
}

export function generate(core: DataFolder, values: CliValues, io: CliIo): number {
  const members = values.members === undefined ? 0 : Number(values.members);
  const agreements = values.agreements === undefined ? 0 : Number(values.agreements);
  const valid = (n: number) => Number.isInteger(n) && n >= 0 && n <= 1_000_000;
  if (!valid(members) || !valid(agreements) || members + agreements === 0) {
    throw new UsageError('--members and --agreements must be whole numbers from 0 to 1000000, at least one of them above 0.');
  }
  if (!core.appCore) throw new AppError('DB_DAMAGED', 'The data file is damaged.', { key: 'errors.dbDamaged', params: { reason: '' } });
  const started = performance.now();
  if (members > 0) generateMembers(core.appCore.ctx, members);
  if (agreements > 0) generateAgreements(core.appCore.ctx, agreements);
  io.out(`Generated ${members} members and ${agreements} agreements in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
  return 0;
}
