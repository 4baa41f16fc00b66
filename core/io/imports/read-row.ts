// One spreadsheet row, through the column mapping, into a member input: each cell tidied as its
// field's model says (names, codes, persons, dates), categories and roles recognised from their
// Chinese names, then validated with the member form's own schema.
import type { OrganizationCategory } from '../../contract/codes.js';
import { validationError } from '../../contract/validation.js';
import { memberCreateInput, type MemberCreateInput } from '../../members/contract.js';
import { categoryFromText, roleFromText } from './columns.js';
import type { RowIssue } from './contract.js';
import { IMPORT_FIELD_BY_NAME, IMPORT_FIELD_SPECS, type ImportField, type ImportFieldSpec } from './import-fields.js';
import { halfWidth, normaliseCode, normaliseName, tidySpaces, unshield } from './normalise.js';

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;

/** 2023/8/19, 2023.8.19, 2023年8月19日, 20230819 → 2023-08-19; anything else is left for validation to refuse. */
export function normaliseDate(text: string): string {
  const value = normaliseCode(text).replace(/\s/g, '');
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!parts) return value;
  return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`;
}

export function issue(field: ImportField | null, key: string, message: string, params?: Record<string, string | number>): RowIssue {
  return { field, key, message, ...(params ? { params } : {}) };
}

/** A cell's text as its field keeps it. */
function tidied(spec: ImportFieldSpec, text: string): string | string[] {
  if (spec.kind === 'textList') return text.split(/[、,，;；/]/).map((part) => normaliseName(part)).filter(Boolean);
  if (spec.kind === 'date') return normaliseDate(text);
  switch (spec.column.tidy) {
    case 'name':
      return normaliseName(text);
    case 'code':
      return normaliseCode(text);
    case 'person':
      return tidySpaces(halfWidth(text));
    case 'plain':
      return text;
  }
}

/** Maps form field paths (contacts.0.name) back to import fields. */
function importFieldOf(path: string): ImportField | null {
  const contact = /^contacts\.\d+\.(\w+)$/.exec(path);
  const field = contact ? `contact${contact[1]![0]!.toUpperCase()}${contact[1]!.slice(1)}` : path.split('.')[0]!;
  return IMPORT_FIELD_BY_NAME.has(field as ImportField) ? (field as ImportField) : null;
}

export interface ReadRow {
  input: MemberCreateInput | null;
  issues: RowIssue[];
  /** The category came from the section row above. */
  fromSection: boolean;
  /** The fields the row gave a value for: only these may change an existing member. */
  given: Set<string>;
}

/** The member's category: the row's own, else its section's; an unknown one is an issue. */
function categoryOf(text: string | undefined, sectionCategory: OrganizationCategory | null, issues: RowIssue[]): { category: OrganizationCategory | null; fromSection: boolean } {
  if (text) {
    const category = categoryFromText(text);
    if (!category) issues.push(issue('category', 'import.issue.category', `Unknown category: ${text}.`, { value: text }));
    return { category, fromSection: false };
  }
  if (sectionCategory) return { category: sectionCategory, fromSection: true };
  issues.push(issue('category', 'import.issue.noCategory', 'No category: add a category column or section rows such as 一、企业.'));
  return { category: null, fromSection: false };
}

export function readRow(cells: string[], mapping: (ImportField | null)[], sectionCategory: OrganizationCategory | null): ReadRow {
  // Plain loops and no intermediate arrays: this runs for every row of a file (10k rows: 10k calls).
  const raw: Partial<Record<ImportField, string>> = {};
  const given = new Set<string>();
  for (let col = 0; col < mapping.length; col++) {
    const field = mapping[col];
    if (!field || raw[field]) continue;
    const value = tidySpaces(unshield(cells[col] ?? ''));
    if (!value) continue;
    raw[field] = value;
    given.add(field);
  }
  const issues: RowIssue[] = [];
  const member: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const spec of IMPORT_FIELD_SPECS) {
    const text = raw[spec.field];
    const value = text ? tidied(spec, text) : spec.kind === 'textList' ? [] : null;
    (spec.owner === 'member' ? member : contact)[spec.key] = value;
  }
  const { category, fromSection } = categoryOf(raw.category, sectionCategory, issues);
  member.category = category ?? 'other';
  member.role = roleFromText(raw.role ?? '') ?? 'member';
  if (raw.role && !roleFromText(raw.role)) issues.push(issue('role', 'import.issue.role', `Unknown role: ${raw.role}.`, { value: raw.role }));
  if (fromSection) given.add('category');
  // One phone column holding a mobile number goes to the mobile field, where the form keeps mobiles.
  if (contact.phone && !contact.mobile && MOBILE.test(String(contact.phone).replace(/[\s-]/g, ''))) {
    contact.mobile = contact.phone;
    contact.phone = null;
    given.delete('contactPhone');
    given.add('contactMobile');
  }
  let hasDetails = false;
  for (const key in contact) if (key !== 'name' && contact[key]) hasDetails = true;
  if (hasDetails && !contact.name) issues.push(issue('contactName', 'import.issue.contactWithoutName', 'Contact details without a contact name.'));
  // Assigned, not spread: zod walks a strict object's keys with for…in, which is several times slower
  // on an object built by a spread (Node 20), and every row of an import passes here.
  const candidate = Object.assign(member, { name: member.name ?? '', contacts: contact.name ? [Object.assign(contact, { isPrimary: true })] : [] });
  const parsed = memberCreateInput.safeParse(candidate);
  if (!parsed.success) {
    const fields = validationError(parsed.error, candidate).details?.fields ?? {};
    for (const [path, fieldIssue] of Object.entries(fields)) issues.push({ ...fieldIssue, field: importFieldOf(path) });
  }
  if (issues.length > 0 || !parsed.success) return { input: null, issues, fromSection, given };
  return { input: parsed.data, issues, fromSection, given };
}
