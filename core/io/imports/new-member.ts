// A new member made from an import row: its id, its contacts with theirs and its derived columns
// (pinyin and stroke sort keys, search text). The derived columns are the costly part: the row
// reader's thread works them out with the row's reading (row-work.ts) by the same function.
import { inputKeys } from '../../contract/fields.js';
import { contactFields, memberFields, type Contact, type Member } from '../../members/fields.js';
import type { MemberCreateInput } from '../../members/contract.js';
import { memberDerived, type MemberDerived } from '../../members/member-model.js';
import { newRecordId } from '../../records/ids.js';

const MEMBER_INPUT_KEYS = inputKeys(memberFields);
const CONTACT_INPUT_KEYS = inputKeys(contactFields);

/** A new member as it will be written: the record, its contacts and its derived columns. */
export interface NewMember {
  member: Omit<Member, 'contacts'> & { contacts?: Contact[] };
  contacts: Contact[];
  derived: MemberDerived;
}

/** A new member's derived columns, from its input alone (a new member has no former names yet). */
export function newMemberDerived(input: MemberCreateInput): MemberDerived {
  return memberDerived({ ...input, formerNames: [] }, input.contacts);
}

/** The named keys of a record, copied one by one in a fixed order (see newMember on why). */
function copyKeys(source: object, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = (source as Record<string, unknown>)[key];
  return copy;
}

/**
 * Builds a row's new member; `derived` when the row reader's thread worked them out already. Objects
 * are built by assignment, not spreads: on Node 20 an object made by a spread or a rest pattern
 * serialises several times slower (the change log's JSON), and each copy costs more on the heap an
 * import fills; this runs for every row of the file.
 */
export function newMember(input: MemberCreateInput, at: string, derived?: MemberDerived): NewMember {
  const id = newRecordId();
  const contacts = input.contacts.map((c, i) => {
    const contact = copyKeys(c, CONTACT_INPUT_KEYS) as Contact;
    contact.id = newRecordId();
    contact.organizationId = id;
    contact.isPrimary = i === 0;
    contact.sortOrder = i;
    return contact;
  });
  const member = copyKeys(input, MEMBER_INPUT_KEYS) as NewMember['member'];
  member.id = id;
  member.status = input.status;
  member.formerNames = [];
  member.exitDate = null;
  member.exitReason = null;
  member.isSample = false;
  member.createdAt = at;
  member.updatedAt = at;
  return { member, contacts, derived: derived ?? newMemberDerived(input) };
}
