// The CLI's usage text and its option parsing.
import { parseArgs } from 'node:util';
import { AGREEMENT_STATES, AGREEMENT_TYPES, MEMBER_ROLES, MEMBER_STATUSES, ORGANIZATION_CATEGORIES } from '../contract/codes.js';
import { EXPORTS } from '../io/exports/formats.js';

const exportFormats = Object.entries(EXPORTS)
  .map(([name, formats]) => `${name} ${formats.join('|')}`)
  .join(', ');

export const USAGE = `Usage: npm run cli -- [--data-dir DIR] <command>

Commands:
  sample load [--yes]              load the sample alliance; into a file with a profile or records
                                   of its own only with --yes, beside them (the profile stays)
  sample remove                    remove exactly the sample's records; sample records your own
                                   records use are kept and become yours
  sample generate --members N [--agreements M]
                                   add N generated members and M agreements between members (with
                                   a signing ceremony per 50), in one transaction (benchmarks, tests)
  members list [--json] [--category CODE[,CODE]] [--role CODE[,CODE]]
               [--status CODE[,CODE]] [--text TEXT] [--sort pinyin|stroke|role|joinDate|category]
  roster [--json] [--uscc] [--order ORDER]
                                   member roster grouped by category; ORDER: rolePinyin (role,
                                   then pinyin; the default), roleStroke (role, then 笔画), pinyin,
                                   stroke (笔画: stroke count, then the strokes in order)
  agreements list [--json] [--type CODE[,CODE]] [--state CODE[,CODE]] [--member ID]
                  [--event ID] [--from DATE] [--to DATE] [--text TEXT]
  events list [--json] [--from DATE] [--to DATE] [--text TEXT]
  terms list [--json]              the council terms (届): state, dates, electing meeting, seats
  council [--as-of DATE] [--json]  the council on a day (today by default): the term then, its
                                   officers and every seat held that day, by rank
  projects list [--json] [--year Y] [--kind KIND[,KIND]] [--text TEXT]
                                   cooperation projects with their figures: summed over every
                                   year, or the year's with --year
  plaques list [--json] [--text TEXT]      the plaques (授牌) given, newest first
  appointments list [--json] [--text TEXT] the appointment letters (聘书) given, newest first
  report annual --year Y [--json] | --format docx|xlsx|pdf --out FILE
                                   the year's figures (members, council, agreements, events,
                                   projects, talent): as text, as JSON (one object per table), or
                                   as a document (docx in the official layout, xlsx a sheet per table)
  export roster|council|agreements|meeting|signin|contacts|talent --format FORMAT --out FILE
         roster:     [--uscc] [--category CODE[,CODE]] [--role CODE[,CODE]] [--text TEXT] [--order ORDER]
         council:    [--order rolePinyin|roleStroke] [--as-of DATE]
         agreements: [agreement filters as for agreements list]
         meeting:    --event ID [--part both|record|sign-in]
         signin:     --event ID [--spare N]   the sign-in sheet alone, N spare rows (default 5)
         contacts:   [roster filters and --order]   the 通讯录, a row per person
         talent:     [--direction supply|demand]
         annual:     --year Y   the annual report (as report annual --format)
         plaques, appointments: the registers of plaques (授牌) and appointment letters (聘书)
         certificates: --kind plaque|appointment   every certificate of the kind, a page each
                                   the member roster, council list, agreement summary or a
                                   meeting's record and sign-in sheet as a file; without --format
                                   the file name's extension decides. Formats:
                                   ${exportFormats}
  import members FILE [--sheet NAME|N] [--dry-run] [--on-duplicate fill|skip|overwrite]
                     [--legal-form 事业单位=higher_vocational ...] [--skip-invalid] [--json]
                                   members from an xlsx, xls, ods or csv (UTF-8, GBK/GB18030,
                                   UTF-16); the sheet whose header is found unless --sheet names
                                   one; duplicates fill empty fields and add new contacts unless
                                   --on-duplicate says otherwise; an ambiguous 单位性质 needs its
                                   category; with any invalid row nothing is written unless
                                   --skip-invalid
  import list [--json]             recent imports
  import undo BATCH                undo an import as a whole
  backup [--out FILE]              a consistent backup: into backups/ (scans kept beside it), or
                                   to FILE as one file with the scans inside
  restore FILE                     restore a backup: refused (NOT_A_BACKUP, nothing changed) unless
                                   it is this app's; the current data is backed up first
  exchange export --out FILE [--partner REPLICA] [--all]
                                   an exchange file for another clerk's copy: every change the
                                   partner has not seen (everything for a new partner, or --all)
  exchange import FILE [--dry-run] [--json] [--resolve newer|mine|theirs] [--yes]
                                   merge a partner's exchange file; --dry-run shows the new,
                                   changed, conflicting, duplicate and renumbered records without
                                   writing; records changed on both copies need --resolve, and
                                   records the file deletes need --yes
  exchange partners [--json]       this copy's replica id and the copies it has merged from
  check [--json]                   full integrity check and every attachment against its hash;
                                   names the damage or the records missing their files, exits 1

Exit codes: 0 done; 1 refused (the data or the file says no); 2 bad arguments; 3 the data file
(damaged, locked, newer); 4 a file or folder (missing, no permission, read-only, disk full).

Codes:
  category: ${ORGANIZATION_CATEGORIES.join(', ')}
  role:     ${MEMBER_ROLES.join(', ')}
  status:   ${MEMBER_STATUSES.join(', ')}
  type:     ${AGREEMENT_TYPES.join(', ')}
  state:    ${AGREEMENT_STATES.join(', ')}`;

export class UsageError extends Error {}

export function parseCli(argv: string[]) {
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
        order: { type: 'string' },
        spare: { type: 'string' },
        direction: { type: 'string' },
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
        sheet: { type: 'string' },
        'legal-form': { type: 'string', multiple: true },
        from: { type: 'string' },
        'as-of': { type: 'string' },
        year: { type: 'string' },
        kind: { type: 'string' },
        to: { type: 'string' },
        yes: { type: 'boolean' },
        partner: { type: 'string' },
        all: { type: 'boolean' },
        resolve: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export type CliValues = ReturnType<typeof parseCli>['values'];

export function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((v) => v.trim()).filter(Boolean);
}
