// From a sheet's grid to a plan: each data row read through the column mapping (read-row.ts) and
// matched against current members (credit code first, then exact name, alias, short name or former
// name) and against earlier rows of the same file. Rows that are not members (sums, sign-off lines,
// notes) are left out with the reason; legal forms (单位性质) are gathered for the clerk to confirm.
import type { OrganizationCategory } from '../../contract/codes.js';
import type { ServiceContext } from '../../contract/context.js';
import type { MemberCreateInput } from '../../members/contract.js';
import type { MemberDerived } from '../../members/member-model.js';
import { candidateLookup } from './candidates.js';
import { sectionHeading, type ImportField } from './columns.js';
import type { DuplicateAction, ImportPreviewRow, LegalFormQuestion, RowStatus } from './contract.js';
import { legalFormKey, readLegalForm } from './legal-forms.js';
import { changesFor } from './merge.js';
import type { SheetGrid } from './read/grid.js';
import { issue, readRowToRead, type ReadRow, type RowToRead } from './read-row.js';
import { nonMemberRow } from './row-kinds.js';

/** A row of the plan: what the preview shows of it, and what it becomes. */
export interface PlannedRow
  extends Pick<ImportPreviewRow, 'rowNumber' | 'status' | 'issues' | 'warnings' | 'match' | 'changes' | 'differs' | 'action' | 'cells' | 'categoryFromSection' | 'skipReason' | 'legalForm'> {
  /** What the row becomes (absent when it cannot be read). */
  input: MemberCreateInput | null;
  /** The fields the row gave a value for. */
  given: ReadonlySet<string>;
  /** The name cell as it is in the file, shown for a row that cannot be read. */
  label: string | null;
  /** A new member's derived columns, when they were worked out with the row's reading (on the row reader's thread). */
  derived?: MemberDerived;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
  legalForms: LegalFormQuestion[];
}

export interface PlanOptions {
  mapping: (ImportField | null)[];
  headerRow: number;
  onDuplicate: DuplicateAction;
  /** Per-row choices overriding onDuplicate, by sheet row number. */
  rowActions?: Record<string, DuplicateAction>;
  /** The clerk's categories for legal forms, by key (given now or remembered). */
  legalForms?: Record<string, OrganizationCategory>;
}

/** Shared by the rows that change nothing (most of a new file): replaced, never pushed to. */
const NONE: string[] = [];

function emptyRow(rowNumber: number, cells: string[]): PlannedRow {
  return { rowNumber, status: 'new', issues: [], warnings: [], match: null, changes: NONE, differs: NONE, action: null, input: null, given: new Set(), cells, categoryFromSection: false, skipReason: null, legalForm: null, label: null };
}

/**
 * The rows below the header, sorted out before any is read: section rows set the category of the rows
 * under them; rows that are not members (sums, sign-offs, notes) are planned as skipped with the
 * reason; the rest are to be read, here or on another thread (row-reader.ts).
 */
export function rowsToRead(grid: SheetGrid, options: PlanOptions): { skipped: PlannedRow[]; toRead: RowToRead[] } {
  const hasCategoryColumn = options.mapping.includes('category');
  const nameCol = options.mapping.indexOf('name');
  const skipped: PlannedRow[] = [];
  const toRead: RowToRead[] = [];
  let section: OrganizationCategory | null = null;
  let unknownSection: string | undefined;
  for (let index = options.headerRow + 1; index < grid.rows.length; index += 1) {
    const cells = grid.rows[index] ?? [];
    // The grid keeps no blank values, so a row with any cell has a value.
    if (cells.length === 0) continue;
    // A sum with its count (合计：120家) is a sum, not a heading: the rows that are not members first.
    const skipReason = nonMemberRow(cells, nameCol);
    const heading = skipReason ? null : sectionHeading(cells);
    if (heading?.category) {
      section = heading.category;
      unknownSection = undefined;
    } else if (heading?.level === 'top') {
      // A new section the app cannot file: its rows are asked for their category — by name, unless it
      // names a role (一、理事长单位), whose rows the groups inside it (（一）企业) or a column file.
      section = null;
      unknownSection = heading.role ? undefined : heading.label;
    }
    // A group inside a section that names no category (（一）长春市, （二）理事单位) keeps the section's.
    // A heading the app does not file is shown as one (the rows under an unknown category say what to do).
    if (skipReason || (heading && !heading.category)) {
      const row = emptyRow(index + 1, cells);
      row.status = 'skipped';
      row.skipReason = skipReason ?? 'section';
      skipped.push(row);
    }
    if (skipReason || heading) continue;
    toRead.push({ index, cells, context: { sectionCategory: hasCategoryColumn ? null : section, unknownSection: hasCategoryColumn ? undefined : unknownSection, numericColumns: grid.numeric.get(index) } });
  }
  return { skipped, toRead };
}

/** A read row as the plan holds it, before it is matched. */
export function plannedRow(row: RowToRead, read: ReadRow, nameCol: number, derived?: MemberDerived): PlannedRow {
  const planned: PlannedRow = {
    label: nameCol >= 0 ? (row.cells[nameCol] ?? '').trim() || null : null,
    rowNumber: row.index + 1,
    status: read.input ? 'new' : 'error',
    issues: read.issues,
    warnings: read.warnings,
    match: null,
    changes: NONE,
    differs: NONE,
    action: null,
    input: read.input,
    given: read.given,
    cells: row.cells,
    categoryFromSection: read.fromSection,
    skipReason: null,
    legalForm: read.legalForm,
  };
  if (derived) planned.derived = derived;
  return planned;
}

/** Rows read on this thread. */
export function readRowsHere(rows: readonly RowToRead[], options: PlanOptions): PlannedRow[] {
  const nameCol = options.mapping.indexOf('name');
  return rows.map((row) => plannedRow(row, readRowToRead(row, options), nameCol));
}

/** The skipped rows and the read ones, back in the sheet's order (both lists are in it already). */
function inSheetOrder(skipped: readonly PlannedRow[], read: readonly PlannedRow[]): PlannedRow[] {
  if (skipped.length === 0) return read as PlannedRow[];
  const rows: PlannedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < skipped.length || j < read.length) {
    if (j >= read.length || (i < skipped.length && skipped[i]!.rowNumber < read[j]!.rowNumber)) rows.push(skipped[i++]!);
    else rows.push(read[j++]!);
  }
  return rows;
}

/** The legal forms the rows give, each with the category it suggests or the choices it leaves. */
function legalFormQuestions(rows: PlannedRow[], chosen: Record<string, OrganizationCategory>): LegalFormQuestion[] {
  const byKey = new Map<string, LegalFormQuestion>();
  for (const row of rows) {
    if (!row.legalForm) continue;
    const key = legalFormKey(row.legalForm);
    const known = byKey.get(key);
    if (known) {
      known.rows += 1;
      continue;
    }
    const reading = readLegalForm(row.legalForm);
    byKey.set(key, {
      value: row.legalForm,
      key,
      rows: 1,
      suggested: reading.kind === 'category' ? reading.category : null,
      choices: reading.kind === 'ambiguous' ? reading.choices : [],
      chosen: chosen[key] ?? null,
    });
  }
  return [...byKey.values()];
}

/** The names rows may be matched by (name and short name): known beforehand when every row is read first. */
function namesOf(rows: readonly PlannedRow[]): Set<string> {
  const names = new Set<string>();
  for (const { input } of rows) {
    if (!input) continue;
    names.add(input.name);
    if (input.shortName) names.add(input.shortName);
  }
  return names;
}

/**
 * Matches read rows against current members and earlier rows of the file, a chunk at a time, in the
 * sheet's order. `created` holds the members an import has written from earlier chunks while it
 * reads: they are rows of this file, matched as such, never as current members. `wanted`: every name
 * the rows can give, when known beforehand.
 */
export function rowMatcher(ctx: ServiceContext, options: PlanOptions, lookup: { created?: ReadonlySet<string>; wanted?: ReadonlySet<string> } = {}): (rows: PlannedRow[]) => void {
  const candidates = candidateLookup(ctx, { excluded: lookup.created, wanted: lookup.wanted });
  const seenUscc = new Map<string, number>();
  const seenName = new Map<string, number>();
  return (rows) => {
    const usccs = new Set<string>();
    for (const { input } of rows) if (input?.uscc) usccs.add(input.uscc);
    const { byId, byUscc, byName, byOther } = candidates([...usccs], [...namesOf(rows)]);
    for (const row of rows) {
      const { input, rowNumber } = row;
      if (!input) continue;
      const earlier = (input.uscc && seenUscc.get(input.uscc)) || seenName.get(input.name);
      if (earlier) {
        row.status = 'duplicate';
        row.match = { id: null, name: input.name, by: 'row', row: earlier };
        row.action = 'skip';
        continue;
      }
      if (input.uscc) seenUscc.set(input.uscc, rowNumber);
      seenName.set(input.name, rowNumber);

      const matchByUscc = input.uscc ? byUscc.get(input.uscc) : undefined;
      // Another name of a member (alias, short name, former name) for the row's name, or the row's short name as a member's name.
      const shortAsName = input.shortName ? byName.get(input.shortName) : undefined;
      const other = byOther.get(input.name) ?? (shortAsName ? { member: shortAsName, by: 'shortName' as const } : input.shortName ? byOther.get(input.shortName) : undefined);
      const match = matchByUscc ?? byName.get(input.name) ?? other?.member;
      if (!match) continue;
      if (!matchByUscc && !byName.get(input.name) && other && 'others' in other && other.others.length > 0) {
        // A short name or alias several members share: which one the row means is for the clerk to say.
        row.status = 'error';
        const names = [other.member.member.name, ...other.others].sort().slice(0, 5).join('、');
        row.issues.push(issue('name', 'import.issue.ambiguousName', `${input.name} is another name of several members (${names}): write the full name in the file.`, { value: input.name, names }));
        continue;
      }
      const { id, name, uscc } = match.member;
      const by = matchByUscc ? 'uscc' : byName.get(input.name) ? 'name' : (other?.by ?? 'alias');
      row.match = { id, name, by };
      // A credit code that belongs to a different unit than the name says is for the clerk to sort out.
      if (by !== 'uscc' && input.uscc && uscc && uscc !== input.uscc) {
        row.status = 'error';
        row.issues.push(issue('uscc', 'import.issue.usccDiffers', `${name} has another credit code (${uscc}).`, { name, uscc }));
        continue;
      }
      row.action = options.rowActions?.[String(rowNumber)] ?? options.onDuplicate;
      const { changes, differs } = changesFor(byId.get(id)!, input, row.action, row.given);
      row.changes = changes;
      row.differs = differs;
      row.status = row.changes.length > 0 ? 'update' : 'duplicate';
    }
  };
}

/** The plan of matched rows (read and skipped): its counts and the legal forms to confirm. */
export function finishPlan(skipped: readonly PlannedRow[], read: readonly PlannedRow[], options: PlanOptions): ImportPlan {
  const rows = inSheetOrder(skipped, read);
  const counts: Record<RowStatus, number> = { new: 0, update: 0, duplicate: 0, error: 0, skipped: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { rows, counts, legalForms: legalFormQuestions(rows, options.legalForms ?? {}) };
}

/** The whole plan on this thread: what a preview shows. */
export function planImport(ctx: ServiceContext, grid: SheetGrid, options: PlanOptions): ImportPlan {
  const { skipped, toRead } = rowsToRead(grid, options);
  const read = readRowsHere(toRead, options);
  rowMatcher(ctx, options, { wanted: namesOf(read) })(read);
  return finishPlan(skipped, read, options);
}
