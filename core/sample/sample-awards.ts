// The sample's plaques and appointment letters, given at the founding congress: two bases named by
// the article's agreements, and the two speakers it names appointed to the expert committee.
import { awardCreateInput } from '../awards/contract.js';
import { createAward } from '../awards/awards.js';
import type { ServiceContext } from '../contract/context.js';
import { FOUNDING_DATE } from './sample-alliance.js';

const AWARDS = [
  { kind: 'plaque', title: '模具产教融合实训基地', unit: '一汽模具制造有限公司', validUntil: '2026-08-18' },
  { kind: 'plaque', title: '汽车零部件产业学院', unit: '长春职业技术学院', validUntil: '2026-08-18' },
  { kind: 'appointment', title: '专家委员会委员', unit: '一汽模具制造有限公司', personName: '薛耀', validUntil: '2026-08-18' },
  { kind: 'appointment', title: '专家委员会委员', unit: '中国科学院长春分院', personName: '李冰', validUntil: '2026-08-18' },
] as const;

export function loadSampleAwards(ctx: ServiceContext): void {
  const congress = ctx.sqlite.prepare(`SELECT id FROM events WHERE is_sample = 1 AND type = 'founding_congress' LIMIT 1`).pluck().get() as string | undefined;
  for (const award of AWARDS) {
    const organizationId = ctx.sqlite.prepare('SELECT id FROM organizations WHERE name = ? AND is_sample = 1').pluck().get(award.unit) as string | undefined;
    if (!organizationId) continue;
    createAward(ctx, awardCreateInput.parse({ kind: award.kind, title: award.title, organizationId, personName: 'personName' in award ? award.personName : null, date: FOUNDING_DATE, validUntil: award.validUntil, eventId: congress ?? null }), { isSample: true });
  }
}
