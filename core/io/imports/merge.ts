// What a row that duplicates an existing member may change, by each field's merge rule in the
// models (fill an empty value; overwrite only when the clerk chose overwrite; never the name), and
// the member as a form would save it with those changes.
import { inputOf } from '../../contract/fields.js';
import { AppError } from '../../contract/errors.js';
import { MAX_CONTACTS, memberUpdateInput, type MemberCreateInput, type MemberUpdateInput } from '../../members/contract.js';
import { contactFields, memberFields, type Member } from '../../members/fields.js';
import type { ExistingMember } from './candidates.js';
import type { DuplicateAction } from './contract.js';
import { IMPORT_FIELD_SPECS } from './import-fields.js';

const MEMBER_SPECS = IMPORT_FIELD_SPECS.filter((s) => s.owner === 'member');
const CONTACT_SPECS = IMPORT_FIELD_SPECS.filter((s) => s.owner === 'contact');

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

const CONTACTS = 'contacts';

/** People the row brings who are not among the member's contacts (after the first, which may fill or replace the primary contact). */
function newPeople(existing: ExistingMember, input: MemberCreateInput, firstIsNew: boolean): MemberCreateInput['contacts'] {
  const known = new Set(existing.contactNames);
  return input.contacts.filter((c, i) => (i === 0 ? firstIsNew : true) && !known.has(c.name));
}

/**
 * What a row that matches a member would change (by each field's merge rule: fill an empty value,
 * overwrite only when the clerk chose overwrite, never the name), and where the file has another
 * value that the action leaves out, so the preview can say so. Fill and overwrite add the people
 * the member does not have yet as new contacts.
 */
export function changesFor(existing: ExistingMember, input: MemberCreateInput, action: DuplicateAction, given: ReadonlySet<string>): { changes: string[]; differs: string[] } {
  const changes: string[] = [];
  const differs: string[] = [];
  const take = (field: string, current: unknown, next: unknown, rule: 'fill' | 'overwrite' | 'never') => {
    if (isEmpty(next) || same(current, next)) return;
    const replaces = action !== 'skip' && (rule === 'fill' ? action === 'overwrite' || isEmpty(current) : rule === 'overwrite' && action === 'overwrite');
    (replaces ? changes : differs).push(field);
  };
  for (const spec of MEMBER_SPECS) {
    if (!given.has(spec.field) || spec.column.merge === 'never') continue;
    take(spec.field, existing.member[spec.key as keyof ExistingMember['member']], input[spec.key as keyof MemberCreateInput], spec.column.merge);
  }
  const contact = input.contacts[0] as Record<string, unknown> | undefined;
  if (!contact) return { changes, differs };
  const current = (existing.contact ?? {}) as Record<string, unknown>;
  const samePerson = existing.contact === null || existing.contact.name === contact.name;
  if (samePerson) {
    for (const spec of CONTACT_SPECS) take(spec.field, current[spec.key] ?? null, contact[spec.key] ?? null, 'fill');
  } else if (action === 'overwrite') {
    // Another person: the file's contact replaces the primary contact as a whole, never mixed with it.
    for (const spec of CONTACT_SPECS) if (!same(current[spec.key], contact[spec.key])) changes.push(spec.field);
  }
  // Under fill, another first person is added beside the primary contact; under overwrite it replaced it above.
  if (newPeople(existing, input, !samePerson && action !== 'overwrite').length > 0) (action === 'skip' ? differs : changes).push(CONTACTS);
  return { changes, differs };
}

/** The member with the row's changes applied, as the member form would save it. */
export function mergedInput(before: Member, input: MemberCreateInput, changes: readonly string[]): MemberUpdateInput {
  const merged: Record<string, unknown> = { id: before.id, ...inputOf(memberFields, before) };
  for (const spec of MEMBER_SPECS) if (changes.includes(spec.field)) merged[spec.key] = input[spec.key as keyof MemberCreateInput];
  const contacts: Record<string, unknown>[] = before.contacts.map((c) => ({ id: c.id, ...inputOf(contactFields, c) }));
  const contact = input.contacts[0] as Record<string, unknown> | undefined;
  const changed = CONTACT_SPECS.filter((s) => changes.includes(s.field));
  const primary = contacts.find((c) => c.isPrimary) ?? contacts[0];
  const replacesPrimary = Boolean(contact && primary && changes.includes('contactName'));
  if (contact && changed.length > 0) {
    const fields = inputOf(contactFields, contact);
    if (!primary) contacts.push({ ...fields, isPrimary: true });
    // A new person replaces the primary contact whole; the same person gets the changed fields.
    else if (replacesPrimary) Object.assign(primary, fields, { isPrimary: primary.isPrimary });
    else for (const spec of changed) primary[spec.key] = contact[spec.key];
  }
  if (changes.includes(CONTACTS)) {
    const known = new Set(contacts.map((c) => c.name));
    for (const person of input.contacts) {
      if (known.has(person.name)) continue;
      known.add(person.name);
      contacts.push({ ...inputOf(contactFields, person), isPrimary: contacts.length === 0 });
    }
  }
  const parsed = memberUpdateInput.safeParse({ ...merged, contacts });
  if (parsed.success) return parsed.data;
  // A member the file cannot be merged into (its contacts would pass the limit): the whole import stops, named.
  if (contacts.length > MAX_CONTACTS) {
    throw new AppError('VALIDATION', `${before.name} would have more than ${MAX_CONTACTS} contacts.`, { key: 'errors.importTooManyContacts', params: { name: before.name, max: MAX_CONTACTS } });
  }
  const problem = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new AppError('VALIDATION', `${before.name}: ${problem}`, { key: 'errors.importMergeInvalid', params: { name: before.name, problem } });
}
