// The command-line interface, as a function so tests can run it in-process:
// `npm run cli -- --data-dir DIR <command>`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiInput } from '../contract/registry.js';
import { call, CliApiError, type CliIo } from './call.js';
import { importMembers, listImports, undoImport } from './import-command.js';
import { DataFolder } from '../folder/data-folder.js';
import { generateAgreements, generateMembers } from '../sample/generate.js';
import fs from 'node:fs';
import { AGREEMENT_STATES, AGREEMENT_TYPE_LABELS_ZH, AGREEMENT_TYPES, CATEGORY_LABELS_ZH, MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES, ROLE_LABELS_ZH, STATUS_LABELS_ZH } from '../contract/codes.js';
import { defaultDataDir } from '../folder/data-dir.js';
import { AppError } from '../contract/errors.js';

export const USAGE = `Usage: npm run cli -- [--data-dir DIR] <command>

Commands:
  sample load                      load the sample alliance into an empty database
  sample generate --members N [--agreements M]
                                   add N generated members and M agreements between members (with
                                   a signing ceremony per 50), in one transaction (benchmarks, tests)
  members list [--json] [--category CODE[,CODE]] [--role CODE[,CODE]]
               [--status CODE[,CODE]] [--text TEXT] [--sort pinyin|role|joinDate|category]
  roster [--json] [--uscc]         member roster grouped by category
  agreements list [--json] [--type CODE[,CODE]] [--state CODE[,CODE]] [--member ID]
                  [--event ID] [--from DATE] [--to DATE] [--text TEXT]
  events list [--json] [--from DATE] [--to DATE] [--text TEXT]
  export roster|council|agreements|meeting --format xlsx|docx|pdf|csv --out FILE
         roster:     [--uscc] [--category CODE[,CODE]] [--role CODE[,CODE]] [--text TEXT]
         agreements: [agreement filters as for agreements list]
         meeting:    --event ID [--part both|record|sign-in]   (docx or pdf)
                                   the member roster, council list, agreement summary or a
                                   meeting's record and sign-in sheet as a file
  import members FILE [--dry-run] [--on-duplicate skip|fill|overwrite] [--skip-invalid] [--json]
                                   members from an xlsx or csv (UTF-8, GBK/GB18030, UTF-16);
                                   with any invalid row nothing is written unless --skip-invalid
  import list [--json]             recent imports
  import undo BATCH                undo an import as a whole
  backup [--out FILE]              a consistent backup: into backups/, or to FILE
  restore FILE                     restore a backup (the current data is backed up first)
  check                            full integrity check; exits non-zero with the reason if it fails

Codes:
  category: ${ORGANIZATION_CATEGORIES.join(', ')}
  role:     ${MEMBER_ROLES.join(', ')}
  status:   ${MEMBER_STATUSES.join(', ')}
  type:     ${AGREEMENT_TYPES.join(', ')}
  state:    ${AGREEMENT_STATES.join(', ')}`;

export type { CliIo };

class UsageError extends Error {}

function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter(Boolean);
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        category: { type: 'string' },
        role: { type: 'string' },
        status: { type: 'string' },
        text: { type: 'string' },
        sort: { type: 'string' },
        uscc: { type: 'boolean' },
        type: { type: 'string' },
        out: { type: 'string' },
        members: { type: 'string' },
        agreements: { type: 'string' },
        format: { type: 'string' },
        state: { type: 'string' },
        member: { type: 'string' },
        event: { type: 'string' },
        part: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'on-duplicate': { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The agreement filters shared by `agreements list` and `export agreements`. */
function agreementFilters(values: ReturnType<typeof parse>['values']) {
  return {
    types: list(values.type),
    states: list(values.state),
    organizationId: values.member,
    eventId: values.event,
    from: values.from,
    to: values.to,
    text: values.text,
  };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const command = positionals.join(' ');
  const known = ['export roster', 'export council', 'export agreements', 'export meeting', 'sample load', 'sample generate', 'members list', 'roster', 'agreements list', 'events list', 'backup', 'check'];
  const restoreFile = positionals[0] === 'restore' && positionals.length === 2 ? positionals[1]! : null;
  // Commands that take one argument: `import members FILE`, `import undo BATCH`.
  const argument = ['import members', 'import undo'].includes(positionals.slice(0, 2).join(' ')) && positionals.length === 3 ? positionals[2]! : null;
  const commandName = argument ? positionals.slice(0, 2).join(' ') : command;
  if (!known.includes(command) && !restoreFile && !argument && command !== 'import list') {
    io.err(`${command ? `Unknown command: ${command}` : 'No command given.'}\n\n${USAGE}`);
    return 2;
  }

  let core: DataFolder | null = null;
  try {
    // One-shot commands: no start-up backup and no backup timer.
    core = await DataFolder.open(path.resolve(values['data-dir'] ?? defaultDataDir()), { autoBackupMinutes: null, startupBackup: false });
    if (restoreFile) {
      await core.restoreFrom(path.resolve(restoreFile));
      io.out(`Restored ${restoreFile}; the data before it was backed up in ${core.backupsDir}.`);
      return 0;
    }
    switch (commandName) {
      case 'import members': {
        const onDuplicate = values['on-duplicate'] ?? 'skip';
        if (!['skip', 'fill', 'overwrite'].includes(onDuplicate)) {
          io.err(`--on-duplicate must be skip, fill or overwrite.\n\n${USAGE}`);
          return 2;
        }
        if (!fs.existsSync(path.resolve(argument!))) {
          io.err(`No such file: ${argument}`);
          return 2;
        }
        return await importMembers(
          core,
          { file: argument!, dryRun: Boolean(values['dry-run']), onDuplicate: onDuplicate as 'skip', skipInvalid: Boolean(values['skip-invalid']), json: Boolean(values.json) },
          io,
        );
      }
      case 'import list':
        return await listImports(core, Boolean(values.json), io);
      case 'import undo':
        return await undoImport(core, argument!, io);
      case 'sample generate': {
        const members = values.members === undefined ? 0 : Number(values.members);
        const agreements = values.agreements === undefined ? 0 : Number(values.agreements);
        const valid = (n: number) => Number.isInteger(n) && n >= 0 && n <= 1_000_000;
        if (!valid(members) || !valid(agreements) || members + agreements === 0) {
          io.err(`--members and --agreements must be whole numbers from 0 to 1000000, at least one of them above 0.\n\n${USAGE}`);
          return 2;
        }
        if (!core.appCore) throw new AppError('DB_DAMAGED', 'The data file is damaged.');
        const started = performance.now();
        if (members > 0) generateMembers(core.appCore.ctx, members);
        if (agreements > 0) generateAgreements(core.appCore.ctx, agreements);
        io.out(`Generated ${members} members and ${agreements} agreements in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
        return 0;
      }
      case 'export roster':
      case 'export council':
      case 'export agreements':
      case 'export meeting': {
        if (!values.out) {
          io.err(`--out FILE is required.\n\n${USAGE}`);
          return 2;
        }
        if (command === 'export meeting' && !values.event) {
          io.err(`--event ID is required (see events list).\n\n${USAGE}`);
          return 2;
        }
        const format = values.format ?? path.extname(values.out).slice(1).toLowerCase();
        const file =
          command === 'export roster'
            ? await call(core, 'exports.roster', { format, includeUscc: Boolean(values.uscc), categories: list(values.category), roles: list(values.role), text: values.text } as ApiInput<'exports.roster'>)
            : command === 'export council'
              ? await call(core, 'exports.council', { format } as ApiInput<'exports.council'>)
              : command === 'export meeting'
                ? await call(core, 'exports.meeting', { id: values.event, format, part: values.part === 'sign-in' ? 'signIn' : values.part } as ApiInput<'exports.meeting'>)
                : await call(core, 'exports.agreements', { format, ...agreementFilters(values) } as ApiInput<'exports.agreements'>);
        fs.writeFileSync(path.resolve(values.out), Buffer.from(file.bytes, 'base64'));
        io.out(`Wrote ${path.resolve(values.out)}.`);
        return 0;
      }
      case 'backup': {
        if (values.out) {
          const file = await core.backupToFile();
          fs.writeFileSync(path.resolve(values.out), Buffer.from(file.bytes, 'base64'));
          io.out(`Backed up to ${path.resolve(values.out)}.`);
        } else {
          const backup = await core.backup('manual');
          io.out(`Backed up to ${path.join(core.backupsDir, backup.name)} (${backup.size} bytes).`);
        }
        return 0;
      }
      case 'check': {
        const result = core.check();
        if (result.ok) {
          io.out(`ok: ${core.file} passed integrity_check in ${result.milliseconds.toFixed(0)} ms.`);
          return 0;
        }
        io.err(`FAILED: ${core.file}: ${result.reason}`);
        return 1;
      }
      case 'sample load': {
        const result = await call(core, 'sample.load', {});
        io.out(`Loaded the sample alliance: ${result.profile?.name}, ${result.memberCount} members.`);
        return 0;
      }
      case 'members list': {
        const filters = {
          categories: list(values.category),
          roles: list(values.role),
          statuses: list(values.status),
          text: values.text,
          sort: values.sort,
        } as ApiInput<'members.list'>;
        const rows = [];
        for (let offset = 0; ; ) {
          const page = await call(core, 'members.list', { ...filters, offset, limit: 5000 });
          rows.push(...page.rows);
          offset += page.rows.length;
          if (page.rows.length === 0 || offset >= page.total) break;
        }
        if (values.json) {
          io.out(JSON.stringify(rows.map((r) => ({ id: r.id, name: r.name, category: r.category, role: r.role, uscc: r.uscc, status: r.status, joinDate: r.joinDate, contact: r.contactName, phone: r.contactPhone })), null, 2));
        } else {
          rows.forEach((r, i) => io.out([i + 1, r.name, CATEGORY_LABELS_ZH[r.category], ROLE_LABELS_ZH[r.role], STATUS_LABELS_ZH[r.status], r.uscc ?? ''].join('\t')));
          io.out(`${rows.length} members`);
        }
        return 0;
      }
      case 'roster': {
        const roster = await call(core, 'reports.roster', { includeUscc: Boolean(values.uscc) });
        if (values.json) {
          io.out(JSON.stringify(roster, null, 2));
        } else {
          if (roster.allianceName) io.out(`${roster.allianceName}成员单位名单`);
          for (const group of roster.groups) {
            io.out(group.heading);
            for (const r of group.rows) io.out([r.seq, r.name, ROLE_LABELS_ZH[r.role], r.contactName ?? '', r.contactTitle ?? '', r.contactPhone ?? '', ...(values.uscc ? [r.uscc ?? ''] : [])].join('\t'));
          }
        }
        return 0;
      }
      case 'agreements list': {
        const page = await call(core, 'agreements.list', { ...agreementFilters(values), limit: 5000 } as ApiInput<'agreements.list'>);
        if (values.json) {
          io.out(
            JSON.stringify(
              page.rows.map((a) => ({
                id: a.id,
                number: a.number,
                title: a.title,
                type: a.type,
                status: a.status,
                state: a.state,
                signedDate: a.signedDate,
                expiresOn: a.expiresOn,
                event: a.eventTitle,
                parties: a.parties.map((p) => ({ organizationId: p.organizationId, name: p.name, label: p.label, signatory: p.signatoryName })),
              })),
              null,
              2,
            ),
          );
        } else {
          for (const a of page.rows) io.out([a.number, AGREEMENT_TYPE_LABELS_ZH[a.type], a.title, a.signedDate ?? '', a.state, a.parties.map((p) => p.name).join('、')].join('\t'));
          io.out(`${page.total} agreements`);
        }
        return 0;
      }
      case 'events list': {
        const rows = await call(core, 'events.list', { from: values.from, to: values.to, text: values.text } as ApiInput<'events.list'>);
        if (values.json) {
          io.out(JSON.stringify(rows.map((e) => ({ id: e.id, date: e.date, startTime: e.startTime, type: e.type, title: e.title, venue: e.venue, agreements: e.agreementCount })), null, 2));
        } else {
          for (const e of rows) io.out([e.date, e.type, e.title, e.venue ?? ''].join('\t'));
          io.out(`${rows.length} events`);
        }
        return 0;
      }
    }
    return 2;
  } catch (error) {
    if (error instanceof CliApiError) {
      const fields = Object.entries(error.shape.details?.fields ?? {}).map(([f, i]) => `  ${f}: ${i.message}`);
      io.err([`${error.shape.code}: ${error.shape.message.split(' — ')[0]}`, ...fields].join('\n'));
      // Invalid options are bad arguments: show how to call the command.
      if (error.shape.code === 'VALIDATION') {
        io.err(`\n${USAGE}`);
        return 2;
      }
      return 1;
    }
    if (error instanceof AppError) {
      io.err(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    core?.close();
  }
}
