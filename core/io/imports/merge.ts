// What a row that duplicates an existing member may change, by each field's merge rule in the
// models (fill an empty value; overwrite only when the clerk chose overwrite; never the name), and
// the member as a form would save it with those changes.
import { inputOf } from '../../contract/fields.js';
import { memberUpdateInput, type MemberCreateInput, type MemberUpdateInput } from '../../members/contract.js';
import { contactFields, memberFields, type Member } from '../../members/fields.js';
import type { ExistingMember } from './candidates.js';
import type { DuplicateAction } from './contract.js';
import { IMPORT_FIELD_SPECS } from './import-fields.js';

const MEMBER_SPECS = IMPORT_FIELD_SPECS.filter((s) => s.owner === 'member');
const CONTACT_SPECS = IMPORT_FIELD_SPECS.filter((s) => s.owner === 'contact');

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields a fill or an overwrite would change on an existing member. */
export function changesFor(existing: ExistingMember, input: MemberCreateInput, action: DuplicateAction, given: ReadonlySet<string>): string[] {
  if (action === 'skip') return [];
  const changes: string[] = [];
  // A value the file brings that differs, and may replace what is there (an empty value, or anything on overwrite).
  const replaces = (current: unknown, next: unknown) => !isEmpty(next) && !same(current, next) && (action === 'overwrite' || isEmpty(current));
  for (const spec of MEMBER_SPECS) {
    if (!given.has(spec.field)) continue;
    const current = existing.member[spec.key as keyof ExistingMember['member']];
    const next = input[spec.key as keyof MemberCreateInput];
    if (spec.column.merge === 'fill' && replaces(current, next)) changes.push(spec.field);
    if (spec.column.merge === 'overwrite' && action === 'overwrite' && !same(current, next)) changes.push(spec.field);
  }
  const contact = input.contacts[0] as Record<string, unknown> | undefined;
  if (!contact) return changes;
  const current = (existing.contact ?? {}) as Record<string, unknown>;
  if (existing.contact === null || existing.contact.name === contact.name) {
    for (const spec of CONTACT_SPECS) if (replaces(current[spec.key] ?? null, contact[spec.key] ?? null)) changes.push(spec.field);
  } else if (action === 'overwrite') {
    // Another person: the file's contact replaces the primary contact as a whole, never mixed with it.
    for (const spec of CONTACT_SPECS) if (!same(current[spec.key], contact[spec.key])) changes.push(spec.field);
  }
  return changes;
}

/** The member with the row's changes applied, as the member form would save it. */
export function mergedInput(before: Member, input: MemberCreateInput, changes: readonly string[]): MemberUpdateInput {
  const merged: Record<string, unknown> = { id: before.id, ...inputOf(memberFields, before) };
  for (const spec of MEMBER_SPECS) if (changes.includes(spec.field)) merged[spec.key] = input[spec.key as keyof MemberCreateInput];
  const contacts: Record<string, unknown>[] = before.contacts.map((c) => ({ id: c.id, ...inputOf(contactFields, c) }));
  const contact = input.contacts[0] as Record<string, unknown> | undefined;
  const changed = CONTACT_SPECS.filter((s) => changes.includes(s.field));
  if (contact && changed.length > 0) {
    const primary = contacts.find((c) => c.isPrimary) ?? contacts[0];
    const fields = inputOf(contactFields, contact);
    if (!primary) contacts.push({ ...fields, isPrimary: true });
    // A new person replaces the primary contact whole; the same person gets the changed fields.
    else if (changes.includes('contactName')) Object.assign(primary, fields, { isPrimary: primary.isPrimary });
    else for (const spec of changed) primary[spec.key] = contact[spec.key];
  }
  return memberUpdateInput.parse({ ...merged, contacts });
}
