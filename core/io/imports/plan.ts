// From a sheet's grid to a plan: each data row read through the column mapping, tidied, validated
// with the same schema as the member form, and matched against current members (credit code
// first, then exact name or alias) and against earlier rows of the same file.
import { memberCreateInput, type ApiParsed } from '../../contract/registry.js';
import { FORMER_MEMBER_STATUSES, type MemberStatus, type OrganizationCategory } from '../../contract/codes.js';
import type { ServiceContext } from '../../contract/context.js';
import type { FieldIssue } from '../../contract/errors.js';
import { firstContacts } from '../../members/contacts.js';
import { validationError } from '../../contract/validation.js';
import { categoryFromText, roleFromText, sectionCategory, type ImportField } from './columns.js';
import { halfWidth, normaliseCode, normaliseName, tidySpaces, unshield } from './normalise.js';

export type DuplicateAction = 'skip' | 'fill' | 'overwrite';
export type RowStatus = 'new' | 'update' | 'duplicate' | 'error';

export type MemberInput = ApiParsed<'members.create'>;

export interface RowIssue extends FieldIssue {
  /** The import field the issue is about, or null for the whole row. */
  field: ImportField | null;
}

export interface PlannedRow {
  /** The row's number in the sheet, counting from 1 as Excel shows it. */
  rowNumber: number;
  status: RowStatus;
  issues: RowIssue[];
  /** The existing member (or earlier row) this row is a duplicate of. */
  match: { id: string | null; name: string; by: 'uscc' | 'name' | 'alias' | 'row'; row?: number } | null;
  /** Fields an update would change. */
  changes: string[];
  action: DuplicateAction | null;
  /** What the row becomes (absent when it cannot be read). */
  input: MemberInput | null;
  /** The row's cells as in the file, for the rejected-rows report. */
  cells: string[];
  /** Category from the section row above it, when there is no category column. */
  categoryFromSection: boolean;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowStatus, number>;
}

interface ExistingMember {
  id: string;
  name: string;
  aliases: string[];
  uscc: string | null;
  status: MemberStatus;
  shortName: string | null;
  joinDate: string | null;
  address: string | null;
  postcode: string | null;
  website: string | null;
  legalRepresentative: string | null;
  notes: string | null;
  role: string;
  category: string;
  contactName: string | null;
  contactTitle: string | null;
  contactPhone: string | null;
  contactMobile: string | null;
  contactEmail: string | null;
}

/** The current members' statuses, as SQL: the same terms as the partial unique index on current names, so it serves the lookup. */
const CURRENT = `status NOT IN (${FORMER_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The members a file's rows could match: by credit code (any status), by current name, by a current
 * member's alias. Looked up for the file's codes and names only, through the indexes: loading every
 * member to match against took 2.3 s for a 10,000-row preview against 100,000 members.
 */
function candidateMembers(ctx: ServiceContext, usccs: string[], names: string[]) {
  const columns = `id, name, aliases, uscc, status, short_name AS shortName, join_date AS joinDate, address, postcode, website,
              legal_representative AS legalRepresentative, notes, role, category`;
  type Raw = Omit<ExistingMember, 'aliases' | `contact${string}`> & { aliases: string };
  const select = (where: string, values: string[]) =>
    values.length ? (ctx.sqlite.prepare(`SELECT ${columns} FROM organizations WHERE ${where}`).all(JSON.stringify(values)) as Raw[]) : [];
  const byUsccRows = select('uscc IN (SELECT value FROM json_each(?))', usccs);
  const byNameRows = select(`name IN (SELECT value FROM json_each(?)) AND ${CURRENT}`, names);
  // Aliases are a JSON list per member, so no index serves them: read the few members that have any.
  const wanted = new Set(names);
  const aliasOwners = new Map<string, string>();
  for (const [id, aliases] of ctx.sqlite.prepare(`SELECT id, aliases FROM organizations WHERE aliases <> '[]' AND ${CURRENT}`).raw().iterate() as IterableIterator<[string, string]>) {
    for (const alias of JSON.parse(aliases) as string[]) if (wanted.has(alias)) aliasOwners.set(alias, id);
  }
  const byAliasRows = select('id IN (SELECT value FROM json_each(?))', [...new Set(aliasOwners.values())]);

  const byId = new Map<string, ExistingMember>();
  const rows = [...byUsccRows, ...byNameRows, ...byAliasRows];
  const contacts = firstContacts(ctx, [...new Set(rows.map((r) => r.id))]);
  for (const r of rows) {
    if (byId.has(r.id)) continue;
    const c = contacts.get(r.id);
    byId.set(r.id, {
      ...r,
      aliases: JSON.parse(r.aliases) as string[],
      contactName: c?.name ?? null,
      contactTitle: c?.title ?? null,
      contactPhone: c?.phone ?? null,
      contactMobile: c?.mobile ?? null,
      contactEmail: c?.email ?? null,
    });
  }
  return {
    byId,
    byUscc: new Map(byUsccRows.map((r) => [r.uscc!, byId.get(r.id)!])),
    byName: new Map(byNameRows.map((r) => [r.name, byId.get(r.id)!])),
    byAlias: new Map([...aliasOwners].map(([alias, id]) => [alias, byId.get(id)!])),
  };
}

/** 2023/8/19, 2023.8.19, 2023年8月19日, 20230819 → 2023-08-19; anything else is left for validation to refuse. */
export function normaliseDate(text: string): string {
  const value = normaliseCode(text).replace(/\s/g, '');
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!parts) return value;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;

function issue(field: ImportField | null, key: string, message: string, params?: Record<string, string | number>): RowIssue {
  return { field, key, message, ...(params ? { params } : {}) };
}

/** Maps form field paths (contacts.0.name) back to import fields. */
function importFieldOf(path: string): ImportField | null {
  const contact = /^contacts\.\d+\.(\w+)$/.exec(path);
  if (contact) {
    const map: Record<string, ImportField> = { name: 'contactName', title: 'contactTitle', phone: 'contactPhone', mobile: 'contactMobile', email: 'contactEmail' };
    return map[contact[1]!] ?? null;
  }
  return path === '_' ? null : (path.split('.')[0] as ImportField);
}

/** One row through the mapping into a member input, or the reasons it cannot be one. */
function readRow(cells: string[], mapping: (ImportField | null)[], sectionCat: OrganizationCategory | null): { input: MemberInput | null; issues: RowIssue[]; fromSection: boolean } {
  const raw: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, col) => {
    if (!field) return;
    const value = tidySpaces(unshield(cells[col] ?? ''));
    if (value && !raw[field]) raw[field] = value;
  });
  const issues: RowIssue[] = [];
  let category: OrganizationCategory | null = null;
  let fromSection = false;
  if (raw.category) {
    category = categoryFromText(raw.category);
    if (!category) issues.push(issue('category', 'import.issue.category', `Unknown category: ${raw.category}.`, { value: raw.category }));
  } else if (sectionCat) {
    category = sectionCat;
    fromSection = true;
  } else {
    issues.push(issue('category', 'import.issue.noCategory', 'No category: add a category column or section rows such as 一、企业.'));
  }
  let role = roleFromText(raw.role ?? '') ?? 'member';
  if (raw.role && !roleFromText(raw.role)) {
    issues.push(issue('role', 'import.issue.role', `Unknown role: ${raw.role}.`, { value: raw.role }));
    role = 'member';
  }
  let phone = raw.contactPhone ? normaliseCode(raw.contactPhone) : null;
  let mobile = raw.contactMobile ? normaliseCode(raw.contactMobile) : null;
  // One phone column holding a mobile number goes to the mobile field, where the form keeps mobiles.
  if (phone && !mobile && MOBILE.test(phone.replace(/[\s-]/g, ''))) {
    mobile = phone;
    phone = null;
  }
  const contactName = raw.contactName ? tidySpaces(halfWidth(raw.contactName)) : null;
  const hasContactDetails = Boolean(raw.contactTitle || phone || mobile || raw.contactEmail);
  if (hasContactDetails && !contactName) issues.push(issue('contactName', 'import.issue.contactWithoutName', 'Contact details without a contact name.'));
  const candidate = {
    name: raw.name ? normaliseName(raw.name) : '',
    shortName: raw.shortName ? normaliseName(raw.shortName) : null,
    aliases: raw.aliases ? raw.aliases.split(/[、,，;；/]/).map((a) => normaliseName(a)).filter(Boolean) : [],
    category: category ?? 'other',
    uscc: raw.uscc ? halfWidth(raw.uscc).replace(/\s/g, '').toUpperCase() : null,
    role,
    joinDate: raw.joinDate ? normaliseDate(raw.joinDate) : null,
    address: raw.address ? normaliseName(raw.address) : null,
    postcode: raw.postcode ? normaliseCode(raw.postcode) : null,
    website: raw.website ? normaliseCode(raw.website) : null,
    legalRepresentative: raw.legalRepresentative ? tidySpaces(halfWidth(raw.legalRepresentative)) : null,
    notes: raw.notes ?? null,
    contacts: contactName ? [{ name: contactName, title: raw.contactTitle ? tidySpaces(raw.contactTitle) : null, phone, mobile, email: raw.contactEmail ? normaliseCode(raw.contactEmail) : null, isPrimary: true }] : [],
  };
  const parsed = memberCreateInput.safeParse(candidate);
  if (!parsed.success) {
    const fields = validationError(parsed.error, candidate).details?.fields ?? {};
    for (const [path, fieldIssue] of Object.entries(fields)) issues.push({ ...fieldIssue, field: importFieldOf(path) });
  }
  if (issues.length > 0 || !parsed.success) return { input: null, issues, fromSection };
  return { input: parsed.data, issues, fromSection };
}

const FILLABLE = ['shortName', 'uscc', 'joinDate', 'address', 'postcode', 'website', 'legalRepresentative', 'notes'] as const;
const CONTACT_FIELDS = [
  ['contactName', 'name'],
  ['contactTitle', 'title'],
  ['contactPhone', 'phone'],
  ['contactMobile', 'mobile'],
  ['contactEmail', 'email'],
] as const;

/** The fields a fill or an overwrite would change on an existing member. */
export function changesFor(existing: ExistingMember, input: MemberInput, action: DuplicateAction): string[] {
  if (action === 'skip') return [];
  const changes: string[] = [];
  const differs = (current: string | null, next: string | null) => next !== null && next !== '' && next !== current && (action === 'overwrite' || current === null || current === '');
  for (const field of FILLABLE) if (differs(existing[field], input[field])) changes.push(field);
  if (action === 'overwrite') {
    if (input.category !== existing.category) changes.push('category');
    if (input.role !== existing.role && input.role !== 'member') changes.push('role');
  }
  const contact = input.contacts[0];
  if (contact) {
    const same = existing.contactName === null || existing.contactName === contact.name;
    if (same) {
      for (const [field, key] of CONTACT_FIELDS) if (differs(existing[field], contact[key] ?? null)) changes.push(field);
    } else if (action === 'overwrite') {
      // Another person: the file's contact replaces the primary contact as a whole, never mixed with it.
      for (const [field, key] of CONTACT_FIELDS) if ((existing[field] ?? null) !== (contact[key] ?? null)) changes.push(field);
    }
  }
  return changes;
}

export interface PlanOptions {
  mapping: (ImportField | null)[];
  headerRow: number;
  onDuplicate: DuplicateAction;
  /** Per-row choices overriding onDuplicate, by sheet row number. */
  rowActions?: Record<string, DuplicateAction>;
}

export function planImport(ctx: ServiceContext, grid: string[][], options: PlanOptions): ImportPlan {
  const seenUscc = new Map<string, number>();
  const seenName = new Map<string, number>();
  const hasCategoryColumn = options.mapping.includes('category');

  // First every row is read, then the members they could match are looked up at once.
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
    const rowNumber = index + 1;
    // A subtotal or note line under a table (小计：…, 合计, 注：…) is not a member.
    const nameCol = options.mapping.indexOf('name');
    const nameCell = nameCol >= 0 ? (cells[nameCol] ?? '').trim() : '';
    const distinct = new Set(cells.map((c) => c.trim()).filter(Boolean));
    if (!nameCell && distinct.size === 1 && /^(小计|合计|总计|注|备注|说明|填表)/.test([...distinct][0]!)) continue;

    const { input, issues, fromSection } = readRow(cells, options.mapping, hasCategoryColumn ? null : section);
    rows.push({ rowNumber, status: input ? 'new' : 'error', issues, match: null, changes: [], action: null, input, cells, categoryFromSection: fromSection });
  }
  const inputs = rows.flatMap((r) => (r.input ? [r.input] : []));
  const { byId, byUscc, byName, byAlias } = candidateMembers(
    ctx,
    [...new Set(inputs.flatMap((i) => (i.uscc ? [i.uscc] : [])))],
    [...new Set(inputs.map((i) => i.name))],
  );

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
    const by = matchByUscc ? 'uscc' : byName.get(input.name) ? 'name' : 'alias';
    // A credit code that belongs to a different unit than the name says is for the clerk to sort out.
    if (by !== 'uscc' && input.uscc && match.uscc && match.uscc !== input.uscc) {
      row.status = 'error';
      row.issues.push(issue('uscc', 'import.issue.usccDiffers', `${match.name} has another credit code (${match.uscc}).`, { name: match.name, uscc: match.uscc }));
      row.match = { id: match.id, name: match.name, by };
      continue;
    }
    const action = options.rowActions?.[String(rowNumber)] ?? options.onDuplicate;
    row.match = { id: match.id, name: match.name, by };
    row.action = action;
    row.changes = changesFor(byId.get(match.id)!, input, action);
    row.status = row.changes.length > 0 ? 'update' : 'duplicate';
  }
  const counts: Record<RowStatus, number> = { new: 0, update: 0, duplicate: 0, error: 0 };
  for (const row of rows) counts[row.status] += 1;
  return { rows, counts };
}
