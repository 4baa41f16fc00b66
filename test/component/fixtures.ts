// Records as the core returns them, for component tests to answer with.
import type { Member } from '../../core/members/fields';

/** A member with every field the API shows, blank unless given. */
export function aMember(fields: Partial<Member> & Pick<Member, 'id' | 'name' | 'category'>): Member {
  return {
    shortName: null,
    aliases: [],
    formerNames: [],
    uscc: null,
    role: 'member',
    status: 'active',
    joinDate: null,
    exitDate: null,
    exitReason: null,
    address: null,
    postcode: null,
    website: null,
    legalRepresentative: null,
    notes: null,
    pinyinOverride: null,
    rosterRank: null,
    isSample: false,
    createdAt: '2023-08-19T00:00:00Z',
    updatedAt: '2023-08-19T00:00:00Z',
    contacts: [],
    ...fields,
  };
}
