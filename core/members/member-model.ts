// The member and contact models bound to their tables, and the columns derived from a member:
// its role's rank, its pinyin sort key and the search text that finds it by any name or contact.
import { contacts, organizations } from '../../db/schema.js';
import { roleRank, type MemberRole } from '../contract/codes.js';
import { bindModel } from '../records/model.js';
import { pinyinSortKey } from '../text/pinyin.js';
import { strokeSortKey } from '../text/strokes.js';
import { buildSearchText } from '../text/search-text.js';
import { contactFields, memberFields, type Contact } from './fields.js';

export const memberModel = bindModel('organization', organizations, memberFields, ['roleRank', 'pinyinKey', 'strokeKey', 'searchText']);
export const contactModel = bindModel('contact', contacts, contactFields);

interface Named {
  name: string;
  shortName: string | null;
  aliases: string[];
  formerNames: { name: string }[];
  uscc: string | null;
}

export function memberSearchText(member: Named, memberContacts: Pick<Contact, 'name' | 'phone' | 'mobile' | 'email'>[]): string {
  return buildSearchText([
    member.name,
    member.shortName,
    ...member.aliases,
    ...member.formerNames.map((f) => f.name),
    member.uscc,
    ...memberContacts.flatMap((c) => [c.name, c.phone, c.mobile, c.email]),
  ]);
}

/** The order keys of a member: rank of its role, pinyin and strokes of its name. */
export function memberSortKeys(member: { role: MemberRole; name: string; pinyinOverride: string | null }): { roleRank: number; pinyinKey: string; strokeKey: string } {
  return { roleRank: roleRank(member.role), pinyinKey: pinyinSortKey(member.name, member.pinyinOverride), strokeKey: strokeSortKey(member.name) };
}

/** Every derived column of a member, from the member and its contacts. */
export function memberDerived(member: Named & { role: MemberRole; pinyinOverride: string | null }, memberContacts: Pick<Contact, 'name' | 'phone' | 'mobile' | 'email'>[]) {
  return { ...memberSortKeys(member), searchText: memberSearchText(member, memberContacts) };
}

export type MemberDerived = ReturnType<typeof memberDerived>;

