// One spreadsheet row, through the column mapping, into a member input: placeholders (暂无, —) read
// as empty, values Excel has damaged caught, each cell tidied as its field's model says (names,
// codes, persons, dates), several people in a contact cell made several contacts, the category from
// its column, the legal form (单位性质) or the section above, then validated with the member form's
// own schema.
import type { OrganizationCategory } from '../../contract/codes.js';
import { validationError } from '../../contract/validation.js';
import { regionName } from '../../members/regions.js';
import { memberCreateInput, type MemberCreateInput } from '../../members/contract.js';
import { categoryFromText, roleFromText } from './columns.js';
import { partsFor, peopleInCell } from './contacts-cell.js';
import { codeDamage, isEmptyMark, phoneDamage } from './excel-damage.js';
import type { RowIssue } from './contract.js';
import { IMPORT_FIELD_BY_NAME, IMPORT_FIELD_SPECS, type ImportField, type ImportFieldSpec } from './import-fields.js';
import { legalFormKey, readLegalForm } from './legal-forms.js';
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
  /** Problems that stop the row. */
  issues: RowIssue[];
  /** Problems the clerk should see that do not stop it. */
  warnings: RowIssue[];
  /** The category came from the section row above. */
  fromSection: boolean;
  /** The legal form (单位性质) the row gave, as typed. */
  legalForm: string | null;
  /** The fields the row gave a value for: only these may change an existing member. */
  given: Set<string>;
}

export interface RowContext {
  /** The category of the section the row is under (一、企业), when the file has no category column. */
  sectionCategory: OrganizationCategory | null;
  /** The label of the section the row is under when it names no category the app knows (二、学校). */
  unknownSection?: string;
  /** Columns whose cells were numbers in the file (codes and phones Excel may have changed). */
  numericColumns?: ReadonlySet<number>;
  /** The clerk's categories for legal forms, by the form's key. */
  legalForms?: Readonly<Record<string, OrganizationCategory>>;
}

interface CategoryReading {
  category: OrganizationCategory | null;
  fromSection: boolean;
}

/** The member's category: its own column, else its legal form (asked when it fits several), else its section's. */
function categoryOf(raw: Partial<Record<ImportField, string>>, context: RowContext, issues: RowIssue[]): CategoryReading {
  if (raw.category) {
    const category = categoryFromText(raw.category);
    if (!category) issues.push(issue('category', 'import.issue.category', `Unknown category: ${raw.category}.`, { value: raw.category }));
    return { category, fromSection: false };
  }
  if (raw.legalForm) {
    const chosen = context.legalForms?.[legalFormKey(raw.legalForm)];
    if (chosen) return { category: chosen, fromSection: false };
    const reading = readLegalForm(raw.legalForm);
    if (reading.kind === 'category') return { category: reading.category, fromSection: false };
    if (reading.kind === 'ambiguous') {
      issues.push(issue('legalForm', 'import.issue.legalFormAsk', `${raw.legalForm} may be one of several categories: choose which one in the legal forms above the rows.`, { value: raw.legalForm }));
      return { category: null, fromSection: false };
    }
    if (!context.sectionCategory) {
      issues.push(issue('legalForm', 'import.issue.legalFormUnknown', `Unknown legal form: ${raw.legalForm}. Choose its category in the legal forms above the rows.`, { value: raw.legalForm }));
      return { category: null, fromSection: false };
    }
  }
  if (context.sectionCategory) return { category: context.sectionCategory, fromSection: true };
  if (context.unknownSection) {
    const value = context.unknownSection;
    issues.push(issue('category', 'import.issue.sectionUnknown', `The section ${value} above this row names no category the app knows: rename it (本科院校, 高职院校, 企业 …) or add a category column.`, { value }));
    return { category: null, fromSection: false };
  }
  issues.push(issue('category', 'import.issue.noCategory', 'No category: add a category column or section rows such as 一、企业.'));
  return { category: null, fromSection: false };
}

/** A code or phone cell Excel may have changed: an error or a warning, and whether the value is kept. */
function checkDamage(field: ImportField, text: string, wasNumber: boolean, issues: RowIssue[], warnings: RowIssue[]): boolean {
  if (field === 'uscc') {
    const damage = codeDamage(text, wasNumber);
    if (!damage) return true;
    issues.push(
      damage === 'codeScientific'
        ? issue('uscc', 'import.issue.usccScientific', `The credit code shows as ${text}: Excel stored it as a number and kept only 15 digits. Format the column as text and type the codes again.`, { value: text })
        : issue('uscc', 'import.issue.usccCut', `The credit code ${text} was stored by Excel as a number, which keeps only 15 significant digits, so it cannot be trusted even when its check character fits. Format the column as text and type the codes again.`, { value: text }),
    );
    return false;
  }
  const damage = phoneDamage(text, wasNumber);
  if (damage === 'phoneScientific') {
    issues.push(issue(field, 'import.issue.phoneScientific', `The phone number shows as ${text}: Excel stored it as a number. Format the column as text and type the numbers again.`, { value: text }));
    return false;
  }
  if (damage === 'leadingZero') {
    const digits = text.replace(/\D/g, '');
    warnings.push(issue(field, 'import.issue.phoneLeadingZero', `The phone number ${text} was stored by Excel as a number: it may have lost a leading 0 (0${digits}). Check it.`, { value: text, suggestion: `0${digits}` }));
  }
  return true;
}

const DAMAGE_CHECKED = new Set<ImportField>(['uscc', 'contactPhone', 'contactMobile']);
/** A contact cell that may name several people, or a phone with a name. */
const SEVERAL = /[、,，;；/／\n\d(（]/;

/** Several people in the contact cell: one contact each, the other contact cells split to match. */
function contactsOf(contact: Record<string, unknown>, raw: Partial<Record<ImportField, string>>): Record<string, unknown>[] {
  const name = raw.contactName;
  if (!name || !SEVERAL.test(name)) return contact.name ? [contact] : [];
  const people = peopleInCell(name);
  if (people.length === 0) return [];
  const count = people.length;
  const phones = partsFor(raw.contactPhone, count);
  const mobiles = partsFor(raw.contactMobile, count);
  const titles = partsFor(raw.contactTitle, count);
  const emails = partsFor(raw.contactEmail, count);
  return people.map((person, i) => {
    const one: Record<string, unknown> = i === 0 ? { ...contact } : { title: null, phone: null, mobile: null, email: null };
    one.name = tidySpaces(halfWidth(person.name)) || null;
    if (person.title) one.title = person.title;
    if (person.mobile) one.mobile = person.mobile;
    if (person.phone) one.phone = person.phone;
    if (phones) one.phone = normaliseCode(phones[i]!);
    if (mobiles) one.mobile = normaliseCode(mobiles[i]!);
    if (titles) one.title = titles[i];
    if (emails) one.email = normaliseCode(emails[i]!);
    return one;
  });
}

/** One phone column holding a mobile number: the mobile goes where the form keeps mobiles. */
function placeMobile(contact: Record<string, unknown>): boolean {
  if (contact.phone && !contact.mobile && MOBILE.test(String(contact.phone).replace(/[\s-]/g, ''))) {
    contact.mobile = contact.phone;
    contact.phone = null;
    return true;
  }
  return false;
}

export function readRow(cells: string[], mapping: (ImportField | null)[], context: RowContext): ReadRow {
  // Plain loops and no intermediate arrays: this runs for every row of a file (10k rows: 10k calls).
  const raw: Partial<Record<ImportField, string>> = {};
  const given = new Set<string>();
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  for (let col = 0; col < mapping.length; col++) {
    const field = mapping[col];
    if (!field || raw[field]) continue;
    const value = tidySpaces(unshield(cells[col] ?? ''));
    if (!value || isEmptyMark(value)) continue;
    if (DAMAGE_CHECKED.has(field) && !checkDamage(field, value, context.numericColumns?.has(col) ?? false, issues, warnings)) continue;
    raw[field] = value;
    given.add(field);
  }
  const member: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const spec of IMPORT_FIELD_SPECS) {
    if (spec.owner === 'row') continue;
    const text = raw[spec.field];
    const value = text ? tidied(spec, text) : spec.kind === 'textList' ? [] : null;
    (spec.owner === 'member' ? member : contact)[spec.key] = value;
  }
  const { category, fromSection } = categoryOf(raw, context, issues);
  member.category = category ?? 'other';
  member.role = roleFromText(raw.role ?? '') ?? 'member';
  if (raw.role && !roleFromText(raw.role)) issues.push(issue('role', 'import.issue.role', `Unknown role: ${raw.role}.`, { value: raw.role }));
  if (fromSection || (category && raw.legalForm && !raw.category)) given.add('category');
  const contacts = contactsOf(contact, raw);
  for (const c of contacts) {
    if (placeMobile(c) && c === contact) {
      given.delete('contactPhone');
      given.add('contactMobile');
    }
  }
  if (contacts.length > 1) for (const f of ['contactPhone', 'contactMobile', 'contactTitle']) if (contacts.some((c) => c[f.slice(7).toLowerCase()])) given.add(f);
  let hasDetails = false;
  for (const key in contact) if (key !== 'name' && contact[key]) hasDetails = true;
  // Details with nobody to hold them (a phone alone in the contact cell) are never dropped silently.
  if ((hasDetails && contacts.length === 0) || contacts.some((c) => !c.name && (c.phone || c.mobile))) issues.push(issue('contactName', 'import.issue.contactWithoutName', 'Contact details without a contact name.'));
  contacts.forEach((c, i) => (c.isPrimary = i === 0));
  // Assigned, not spread: zod walks a strict object's keys with for…in, which is several times slower
  // on an object built by a spread (Node 20), and every row of an import passes here.
  const candidate = Object.assign(member, { name: member.name ?? '', contacts: contacts.filter((c) => c.name) });
  const parsed = memberCreateInput.safeParse(candidate);
  if (!parsed.success) {
    const fields = validationError(parsed.error, candidate).details?.fields ?? {};
    for (const [path, fieldIssue] of Object.entries(fields)) issues.push({ ...fieldIssue, field: importFieldOf(path) });
  }
  const legalForm = raw.legalForm ?? null;
  if (issues.length > 0 || !parsed.success) return { input: null, issues, warnings, fromSection, legalForm, given };
  const uscc = parsed.data.uscc;
  if (uscc && regionName(uscc.slice(2, 8)) === null) {
    warnings.push(issue('uscc', 'import.issue.usccRegion', `Positions 3–8 of the credit code (${uscc.slice(2, 8)}) are not a division code in the app's table; divisions change, so check the code if it is new.`, { region: uscc.slice(2, 8) }));
  }
  return { input: parsed.data, issues, warnings, fromSection, legalForm, given };
}

/** A row below the header that may be a member: where it is, its cells, and what the rows above say of it. */
export interface RowToRead {
  index: number;
  cells: string[];
  context: Pick<RowContext, 'sectionCategory' | 'unknownSection' | 'numericColumns'>;
}

/** Reads one row through the mapping (the same call on either thread). */
export function readRowToRead(row: RowToRead, options: { mapping: (ImportField | null)[]; legalForms?: RowContext['legalForms'] }): ReadRow {
  return readRow(row.cells, options.mapping, { ...row.context, legalForms: options.legalForms });
}
