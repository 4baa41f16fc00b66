// The CLI's exchange commands: files out for a partner, files in (reviewed with --dry-run, merged
// with a rule), and the partners this copy knows.
import fs from 'node:fs';
import path from 'node:path';
import type { ExchangeReview, ExchangeRule } from '../exchange/contract.js';
import { EXCHANGE_LIMITS } from '../exchange/file-format.js';
import { writeFileAtomic } from '../io/write-file.js';
import { call, type Caller, type CliIo } from './call.js';
import { UsageError, type CliValues } from './options.js';

export async function exportExchange(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  if (!values.out) throw new UsageError('--out FILE is required.');
  if (values.partner !== undefined && !/^[0-9a-f]{32}$/.test(values.partner)) throw new UsageError('--partner takes a replica id (32 hexadecimal digits; see exchange partners).');
  const file = await call(core, 'exchange.export', { partner: values.partner, all: Boolean(values.all) });
  const target = path.resolve(values.out);
  writeFileAtomic(target, Buffer.from(file.bytes, 'base64'));
  const holds = Object.entries(file.holds).map(([kind, n]) => `${kind} ${n}`).join(', ');
  io.out(`Wrote ${target}: ${file.rows} changed records${holds ? ` (${holds})` : ''}.`);
  return 0;
}

/** The review as JSON: each kind of item in its own list. */
function reviewJson(review: ExchangeReview) {
  const of = (kind: string) => review.items.filter((i) => i.kind === kind);
  return {
    from: review.from,
    alreadyRead: review.alreadyRead,
    holds: review.holds,
    counts: review.counts,
    files: review.files,
    new: of('new'),
    changed: of('changed'),
    deleted: of('deleted'),
    conflicts: of('conflict'),
    deletedAndEdited: of('deleteEdit'),
    duplicates: of('duplicate'),
    numberingClashes: of('numbering'),
  };
}

export async function importExchange(core: Caller, file: string, values: CliValues, io: CliIo): Promise<number> {
  const resolve = values.resolve;
  if (resolve !== undefined && !['newer', 'mine', 'theirs'].includes(resolve)) throw new UsageError('--resolve must be newer, mine or theirs.');
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new UsageError(`No such file: ${file}`);
  if (fs.statSync(source).size > EXCHANGE_LIMITS.fileBytes) throw new UsageError(`An exchange file is at most ${EXCHANGE_LIMITS.fileBytes} bytes.`);
  const review = await call(core, 'exchange.stage', { fileName: path.basename(source), bytes: fs.readFileSync(source).toString('base64') });
  const rule = (resolve ?? 'newer') as ExchangeRule;
  const decided = resolve ? await call(core, 'exchange.review', { uploadId: review.uploadId, rule }) : review;
  if (values['dry-run']) {
    if (values.json) io.out(JSON.stringify(reviewJson(decided), null, 2));
    else printCounts(decided, io);
    return 0;
  }
  const open = decided.counts.conflict + decided.counts.deleteEdit;
  if (open > 0 && !resolve) {
    printCounts(decided, io);
    io.err(`${open} records were changed on both copies; nothing was merged. See them with --dry-run --json, then choose --resolve newer|mine|theirs (or resolve them one by one in the app).`);
    return 1;
  }
  // Deletions a colleague made reach this copy too; a script is asked to say so, as a clerk sees them listed.
  if (decided.counts.deleted > 0 && !values.yes) {
    printCounts(decided, io);
    io.err(`This file deletes ${decided.counts.deleted} records here; nothing was merged. See them with --dry-run --json, then repeat with --yes.`);
    return 1;
  }
  const applied = await call(core, 'exchange.apply', { uploadId: review.uploadId, rule });
  if (values.json) io.out(JSON.stringify(applied, null, 2));
  else io.out(`Merged ${path.basename(source)}: ${Object.entries(applied.counts).map(([k, n]) => `${k} ${n}`).join(', ')}${applied.alreadyRead ? ' (this file had been merged before)' : ''}.`);
  return 0;
}

function printCounts(review: ExchangeReview, io: CliIo): void {
  io.out(`From ${review.from.label || review.from.replica} (${review.from.createdAt})${review.alreadyRead ? ', merged before' : ''}`);
  for (const [kind, n] of Object.entries(review.counts)) io.out(`${kind}\t${n}`);
  if (review.files.missing > 0) io.err(`${review.files.missing} attachment files are neither here nor in the file.`);
}

export async function listPartners(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const info = await call(core, 'exchange.info', {});
  if (values.json) {
    io.out(JSON.stringify(info, null, 2));
    return 0;
  }
  io.out(`This copy: ${info.replica} ${info.label}`);
  for (const p of info.partners) io.out([p.replica, p.label, p.lastImportAt ?? ''].join('\t'));
  io.out(`${info.partners.length} partners`);
  return 0;
}
