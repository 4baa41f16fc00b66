// From a sheet's grid to a plan: each data row read through the column mapping (read-row.ts) and
// matched against current members (credit code first, then exact name or alias) and against
// earlier rows of the same file.
import type { OrganizationCategory } from '../../contract/codes.js';
import type { ServiceContext } from '../../contract/context.js';
import type { MemberCreateInput } from '../../members/contract.js';
import { candidateMembers } from './candidates.js';
import { sectionCategory, type ImportField } from './columns.js';
import type { DuplicateAction, ImportPreviewRow, RowStatus } from './contract.js';
import { changesFor } from './merge.js';
import { issue, readRow } from './read-row.js';

/** A row of the plan: what the preview shows of it, and what it becomes. */
export interface PlannedRow extends Pick<ImportPreviewRow, 'rowNumber' | 'status' | 'issues' | 'match' | 'changes' | 'action' | 'cells' | 'categoryFromSection'> {
  /** What the row becomes (absent when it cannot be read). */
  input: MemberCreateInput | null;
  /** The fields the row gave a value for. */
  given: ReadonlySet<string>;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
}

export interface PlanOptions {
  mapping: (ImportField | null)[];
  headerRow: number;
  onDuplicate: DuplicateAction;
  /** Per-row choices overriding onDuplicate, by sheet row number. */
  rowActions?: Record<string, DuplicateAction>;
}

/** Every member row below the header, read; section rows set the category of the rows under them. */
function readRows(grid: string[][], options: PlanOptions): PlannedRow[] {
  const hasCategoryColumn = options.mapping.includes('category');
  const nameCol = options.mapping.indexOf('name');
  const rows: PlannedRow[] = [];
  let section: OrganizationCategory | null = null;
  for (let index = options.headerRow + 1; index < grid.length; index += 1) {
    const cells = grid[index] ?? [];
    if (cells.every((c) => !c.trim())) continue;
    const sectionCat = sectionCategory(cells);
    if (sectionCat) {
      section = sectionCat;
      continue;
    }
    // A subtotal or note line under a table (小计：…, 合计, 注：…) is not a member.
    const nameCell = nameCol >= 0 ? (cells[nameCol] ?? '').trim() : '';
    const distinct = new Set(cells.map((c) => c.trim()).filter(Boolean));
    if (!nameCell && distinct.size === 1 && /^(小计|合计|总计|注|备注|说明|填表)/.test([...distinct][0]!)) continue;
    const { input, issues, fromSection, given } = readRow(cells, options.mapping, hasCategoryColumn ? null : section);
    rows.push({ rowNumber: index + 1, status: input ? 'new' : 'error', issues, match: null, changes: [], action: null, input, given, cells, categoryFromSection: fromSection });
  }
  return rows;
}

export function planImport(ctx: ServiceContext, grid: string[][], options: PlanOptions): ImportPlan {
  // First every row is read, then the members they could match are looked up at once.
  const rows = readRows(grid, options);
  const inputs = rows.flatMap((r) => (r.input ? [r.input] : []));
  const { byId, byUscc, byName, byAlias } = candidateMembers(
    ctx,
    [...new Set(inputs.flatMap((i) => (i.uscc ? [i.uscc] : [])))],
    [...new Set(inputs.map((i) => i.name))],
  );
  const seenUscc = new Map<string, number>();
  const seenName = new Map<string, number>();
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
    const match = matchByUscc ?? byName.get(input.name) ?? byAlias.get(input.name);
    if (!match) continue;
    const { id, name, uscc } = match.member;
    const by = matchByUscc ? 'uscc' : byName.get(input.name) ? 'name' : 'alias';
    row.match = { id, name, by };
    // A credit code that belongs to a different unit than the name says is for the clerk to sort out.
    if (by !== 'uscc' && input.uscc && uscc && uscc !== input.uscc) {
      row.status = 'error';
      row.issues.push(issue('uscc', 'import.issue.usccDiffers', `${name} has another credit code (${uscc}).`, { name, uscc }));
      continue;
    }
    row.action = options.rowActions?.[String(rowNumber)] ?? options.onDuplicate;
    row.changes = changesFor(byId.get(id)!, input, row.action, row.given);
    row.status = row.changes.length > 0 ? 'update' : 'duplicate';
  }
  const counts: Record<RowStatus, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { rows, counts };
}
