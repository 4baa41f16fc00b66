// Contact people of a member. A member has at most one primary contact; the first one is primary
// when none is marked, so rosters always have someone to name.
import { newRecordId } from '../records/ids.js';
import { and, asc, eq, ne } from 'drizzle-orm';
import { contacts, organizations } from '../../db/schema.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { refreshSearchText } from './members.js';
import { MAX_CONTACTS, type ContactCreateInput, type ContactUpdateInput } from './contract.js';
import type { Contact } from './fields.js';
import { contactModel } from './member-model.js';

type ContactRow = typeof contacts.$inferSelect;
type ContactFields = Omit<ContactCreateInput, 'organizationId'>;

export function toContact(row: ContactRow): Contact {
  return contactModel.toRecord(row);
}

export function contactsOf(ctx: ServiceContext, organizationId: string): Contact[] {
  return ctx.db
    .select()
    .from(contacts)
    .where(eq(contacts.organizationId, organizationId))
    .orderBy(asc(contacts.sortOrder), asc(contacts.createdAt))
    .all()
    .map(toContact);
}

/** The contact's own fields of an input (without its id or member). */
function contactValues(fields: ContactFields) {
  const { id: _id, organizationId: _member, ...values } = fields as ContactFields & { id?: string; organizationId?: string };
  return values;
}

/** Makes the given contact list the member's: updates those with an id, adds the rest, removes the missing. */
export function replaceContacts(ctx: ServiceContext, organizationId: string, inputs: (ContactFields & { id?: string })[]): void {
  const existing = new Set(contactsOf(ctx, organizationId).map((c) => c.id));
  const primaryIndex = Math.max(0, inputs.findIndex((c) => c.isPrimary));
  const at = nowIso(ctx);
  const kept = new Set<string>();
  inputs.forEach((input, index) => {
    const values = { ...contactValues(input), isPrimary: index === primaryIndex, sortOrder: index, updatedAt: at };
    if (input.id !== undefined) {
      if (!existing.has(input.id)) {
        throw new AppError('VALIDATION', `Contact ${input.id} does not belong to this member.`, {
          key: 'errors.validation',
          fields: { [`contacts.${index}.id`]: { key: 'errors.contactNotFound', message: 'This contact does not belong to this member.' } },
        });
      }
      ctx.db.update(contacts).set(values).where(eq(contacts.id, input.id)).run();
      kept.add(input.id);
    } else {
      ctx.db.insert(contacts).values({ id: newRecordId(), organizationId, ...values, createdAt: at }).run();
    }
  });
  for (const id of existing) if (!kept.has(id)) ctx.db.delete(contacts).where(eq(contacts.id, id)).run();
}

function findContact(ctx: ServiceContext, id: string): Contact {
  const row = ctx.db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `No contact with id ${id}.`, { key: 'errors.contactNotFound' });
  return toContact(row);
}

function clearOtherPrimaries(ctx: ServiceContext, contact: Contact): void {
  if (!contact.isPrimary) return;
  ctx.db
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.organizationId, contact.organizationId), ne(contacts.id, contact.id)))
    .run();
}

export function createContact(ctx: ServiceContext, input: ContactCreateInput): Contact {
  return ctx.sqlite.transaction(() => {
    const org = ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId)).get();
    if (!org) throw new AppError('NOT_FOUND', `No member with id ${input.organizationId}.`, { key: 'errors.memberNotFound' });
    const siblings = contactsOf(ctx, input.organizationId);
    if (siblings.length >= MAX_CONTACTS) throw fieldError('name', { key: 'validation.tooMany', params: { max: MAX_CONTACTS }, message: `A member keeps at most ${MAX_CONTACTS} contacts.` });
    const at = nowIso(ctx);
    const id = newRecordId();
    ctx.db
      .insert(contacts)
      .values({
        id,
        organizationId: input.organizationId,
        ...contactValues(input),
        isPrimary: input.isPrimary || siblings.length === 0,
        sortOrder: siblings.length,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    const created = findContact(ctx, id);
    clearOtherPrimaries(ctx, created);
    refreshSearchText(ctx, input.organizationId);
    recordChange(ctx, 'contact', id, 'create', null, created);
    return created;
  })();
}

export function updateContact(ctx: ServiceContext, input: ContactUpdateInput): Contact {
  return ctx.sqlite.transaction(() => {
    const before = findContact(ctx, input.id);
    ctx.db.update(contacts).set({ ...contactValues(input), updatedAt: nowIso(ctx) }).where(eq(contacts.id, input.id)).run();
    const after = findContact(ctx, input.id);
    clearOtherPrimaries(ctx, after);
    refreshSearchText(ctx, after.organizationId);
    recordChange(ctx, 'contact', input.id, 'update', before, after);
    return after;
  })();
}

export function deleteContact(ctx: ServiceContext, id: string): { id: string } {
  return ctx.sqlite.transaction(() => {
    const before = findContact(ctx, id);
    ctx.db.delete(contacts).where(eq(contacts.id, id)).run();
    // Keep a primary contact when the primary one is removed.
    const next = contactsOf(ctx, before.organizationId)[0];
    if (before.isPrimary && next) ctx.db.update(contacts).set({ isPrimary: true }).where(eq(contacts.id, next.id)).run();
    refreshSearchText(ctx, before.organizationId);
    recordChange(ctx, 'contact', id, 'delete', before, null);
    return { id };
  })();
}

/** The contact a list or roster names for a member: the primary one, else the first by position. */
export type FirstContact = Pick<Contact, 'name' | 'title' | 'phone' | 'mobile' | 'email'>;

/** The contact columns a list or roster row shows: the first contact's name and title, its mobile
 * before its landline. */
export function contactColumns(c: FirstContact | undefined): { contactName: string | null; contactTitle: string | null; contactPhone: string | null } {
  return { contactName: c?.name ?? null, contactTitle: c?.title ?? null, contactPhone: c ? (c.mobile ?? c.phone) : null };
}

/**
 * Each member's first contact in one unsorted pass over the contacts (raw rows, no per-member
 * subquery): every member's, for rosters, or those of the given members, for a list page and the
 * import's duplicate check (one query for the page's ids instead of three sorted subqueries per row).
 */
export function firstContacts(ctx: ServiceContext, organizationIds?: string[]): Map<string, FirstContact> {
  type Raw = [organizationId: string, name: string, title: string | null, phone: string | null, mobile: string | null, email: string | null, isPrimary: number, sortOrder: number];
  const columns = 'SELECT organization_id, name, title, phone, mobile, email, is_primary, sort_order FROM contacts';
  const rows = (
    organizationIds
      ? ctx.sqlite.prepare(`${columns} WHERE organization_id IN (SELECT value FROM json_each(?))`).raw().iterate(JSON.stringify(organizationIds))
      : ctx.sqlite.prepare(columns).raw().iterate()
  ) as IterableIterator<Raw>;
  // Ranks kept beside the result, so each kept contact is built once and no second map is needed.
  const result = new Map<string, FirstContact>();
  const rank = new Map<string, number>();
  for (const c of rows) {
    // Primary first, then the lowest position.
    const r = (c[6] ? 0 : 1e9) + c[7];
    const current = rank.get(c[0]);
    if (current !== undefined && current <= r) continue;
    rank.set(c[0], r);
    result.set(c[0], { name: c[1], title: c[2], phone: c[3], mobile: c[4], email: c[5] });
  }
  return result;
}
