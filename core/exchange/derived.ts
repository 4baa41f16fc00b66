// After a merge, what every copy derives rather than exchanges is rebuilt for the rows it touched:
// a member's sort and search keys and its role copy (from its seats), an agreement's search text.
import { MEMBER_ROLES, roleRank, type MemberRole } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { memberDerived } from '../members/member-model.js';
import { getMember } from '../members/members.js';
import { derivedRole } from '../terms/seats.js';
import { agreementSearchText } from '../agreements/agreement-model.js';
import { getAgreement } from '../agreements/agreements.js';

export function rebuildDerived(ctx: ServiceContext, touched: { organizations: Set<string>; agreements: Set<string>; allRoles: boolean }): void {
  const organizations = touched.allRoles ? (ctx.sqlite.prepare('SELECT id FROM organizations').pluck().all() as string[]) : [...touched.organizations];
  const update = ctx.sqlite.prepare('UPDATE organizations SET role = ?, role_rank = ?, pinyin_key = ?, stroke_key = ?, search_text = ? WHERE id = ?');
  // Prepared once, not per row: a merge of 10k members spent a tenth of its time preparing these.
  const memberExists = ctx.sqlite.prepare('SELECT 1 FROM organizations WHERE id = ?');
  for (const id of organizations) {
    if (!memberExists.get(id)) continue;
    const member = getMember(ctx, id);
    const role: MemberRole = derivedRole(ctx, id);
    const keys = memberDerived({ ...member, role: MEMBER_ROLES.includes(role) ? role : 'member' }, member.contacts);
    update.run(role, roleRank(role), keys.pinyinKey, keys.strokeKey, keys.searchText, id);
  }
  const agreementUpdate = ctx.sqlite.prepare('UPDATE agreements SET search_text = ? WHERE id = ?');
  const agreementExists = ctx.sqlite.prepare('SELECT 1 FROM agreements WHERE id = ?');
  for (const id of touched.agreements) {
    if (!agreementExists.get(id)) continue;
    const agreement = getAgreement(ctx, id);
    agreementUpdate.run(agreementSearchText(agreement, agreement.parties.map((p) => p.name)), id);
  }
}
