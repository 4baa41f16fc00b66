// Deterministic bulk data for benchmarks and crash tests: N members with a contact each, written
// with prepared statements in one transaction (drizzle's multi-row insert spends most of its time
// building SQL), so a run is all or nothing.
import { newRecordId } from '../records/ids.js';
import { agreementModel, agreementSearchText, partyModel } from '../agreements/agreement-model.js';
import { expiresOn, suggestAgreementType } from '../agreements/agreement-rules.js';
import { AGREEMENT_TYPE_LABELS_ZH, ORGANIZATION_CATEGORIES, PARTY_LABELS_ZH, type MemberRole, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { eventModel } from '../events/event-model.js';
import { adoptRoles } from '../terms/seats.js';
import { backfillStatusHistory } from '../members/status-history.js';
import { changeLogModel } from '../history/history-model.js';
import { contactModel, memberDerived, memberModel } from '../members/member-model.js';
import { typicalUsccPrefix, usccCheckCharacter } from '../members/uscc.js';
import { ENTERPRISE_TRADES, ENTERPRISE_WORDS, GIVEN_NAMES, SCHOOL_KINDS, SCHOOL_PLACES, SURNAMES } from './names.js';

const CATEGORY_WEIGHTS: [OrganizationCategory, number][] = [
  ['government', 5],
  ['university', 4],
  ['higher_vocational', 4],
  ['secondary_vocational', 20],
  ['research', 3],
  ['enterprise', 60],
  ['association', 3],
  ['other', 1],
];
const ROLES: MemberRole[] = ['council', 'member', 'member', 'member', 'member', 'executive_council', 'member', 'member'];

function categoryOf(i: number): OrganizationCategory {
  const total = CATEGORY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let slot = (i * 37) % total;
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    if (slot < weight) return category;
    slot -= weight;
  }
  return 'other';
}

/** A unique, plausible name for member i of its category. */
function nameOf(i: number, category: OrganizationCategory): string {
  const n = String(i + 1).padStart(6, '0');
  const place = SCHOOL_PLACES[i % SCHOOL_PLACES.length]!;
  switch (category) {
    case 'enterprise':
      return `${place}${ENTERPRISE_WORDS[i % ENTERPRISE_WORDS.length]}${ENTERPRISE_TRADES[(i >> 3) % ENTERPRISE_TRADES.length]}有限公司第${n}号`;
    case 'secondary_vocational':
      return `${place}第${n}${SCHOOL_KINDS[i % SCHOOL_KINDS.length]}`;
    default:
      return `${place}${ORGANIZATION_CATEGORIES.indexOf(category)}号${category === 'government' ? '管理局' : category === 'research' ? '研究院' : '学院'}${n}`;
  }
}

function usccOf(i: number, category: OrganizationCategory): string {
  const body = `${typicalUsccPrefix(category)}220100${String(i).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

export interface GenerateProgress {
  (written: number, total: number): void;
}

export function generateMembers(ctx: ServiceContext, count: number, options: { onProgress?: GenerateProgress; start?: number } = {}): number {
  const insertMember = memberModel.insertStatement(ctx.sqlite);
  const insertContact = contactModel.insertStatement(ctx.sqlite);
  const insertChange = changeLogModel.insertStatement(ctx.sqlite);
  const at = nowIso(ctx);
  const start = options.start ?? (ctx.sqlite.prepare('SELECT count(*) AS n FROM organizations').pluck().get() as number);
  const blank = { shortName: null, aliases: [], formerNames: [], exitDate: null, exitReason: null, address: null, postcode: null, website: null, legalRepresentative: null, notes: null, pinyinOverride: null, rosterRank: null };
  ctx.sqlite.transaction(() => {
    for (let k = 0; k < count; k++) {
      const i = start + k;
      const category = categoryOf(i);
      const id = newRecordId();
      const role = ROLES[i % ROLES.length]!;
      const member = { ...blank, id, name: nameOf(i, category), category, uscc: usccOf(i, category), role, status: 'active' as const, joinDate: `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 9}`, isSample: true, createdAt: at, updatedAt: at };
      const contact = { id: newRecordId(), organizationId: id, name: SURNAMES[i % SURNAMES.length]! + GIVEN_NAMES[(i >> 2) % GIVEN_NAMES.length]!, title: '联络员', phone: null, mobile: `139${String(i).padStart(8, '0')}`, email: null, isPrimary: true, sortOrder: 0, createdAt: at, updatedAt: at };
      insertMember({ ...member, ...memberDerived(member, [contact]) });
      insertContact(contact);
      insertChange({ id: null as unknown as number, at, entity: 'organization', entityId: id, action: 'create', before: null, after: { id, name: member.name, category, uscc: member.uscc, role } });
      if (options.onProgress && (k + 1) % 1000 === 0) options.onProgress(k + 1, count);
    }
    // The roles written above are copies: their source is a seat in the current term.
    adoptRoles(ctx);
    backfillStatusHistory(ctx);
  }).immediate();
  return count;
}

const AGREEMENT_TOPICS = ['人才培养', '实习实训基地', '订单培养', '产业学院共建', '技术研发', '师资互聘', '现代学徒制', '职业培训', '科研成果转化', '就业创业'];

/**
 * `count` agreements between existing members (two parties each, the type the parties suggest),
 * signed at generated events (one signing ceremony per 50 agreements), with dates spread over ten
 * years so that states range from expired to in force. Prepared statements, one transaction.
 */
export function generateAgreements(ctx: ServiceContext, count: number): number {
  const members = ctx.sqlite.prepare('SELECT id, name, category FROM organizations ORDER BY rowid').all() as { id: string; name: string; category: OrganizationCategory }[];
  if (members.length < 2) throw new AppError('VALIDATION', 'Generate members before agreements.', { key: 'errors.validation' });
  const insertEvent = eventModel.insertStatement(ctx.sqlite);
  const insertAgreement = agreementModel.insertStatement(ctx.sqlite);
  const insertParty = partyModel.insertStatement(ctx.sqlite);
  const at = nowIso(ctx);
  const start = ctx.sqlite.prepare('SELECT count(*) FROM agreements').pluck().get() as number;
  const event = { type: 'signing_ceremony' as const, startTime: '09:30', endTime: null, venue: '汽开区会议中心', organizers: [], minutes: null, isSample: true, createdAt: at, updatedAt: at };
  const agreement = { status: 'signed' as const, place: null, effectiveDate: null, endDate: null, terminatedDate: null, tags: [], amendsId: null, isSample: true, createdAt: at, updatedAt: at };
  ctx.sqlite.transaction(() => {
    let eventId = '';
    let eventDate = '';
    for (let k = 0; k < count; k++) {
      const i = start + k;
      if (k % 50 === 0) {
        eventId = newRecordId();
        const year = 2016 + (Math.floor(i / 50) % 10);
        eventDate = `${year}-${String(1 + (Math.floor(i / 50) % 12)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`;
        insertEvent({ ...event, id: eventId, title: `${year}年校企合作签约仪式（第${Math.floor(i / 50) + 1}场）`, date: eventDate });
      }
      const a = members[i % members.length]!;
      const b = members[(i * 7 + 3) % members.length]!;
      const parties = a.id === b.id ? [a, members[(i + 1) % members.length]!] : [a, b];
      const type = suggestAgreementType(parties.map((p) => p.category));
      const termYears = 2 + (i % 4);
      const topic = AGREEMENT_TOPICS[i % AGREEMENT_TOPICS.length]!;
      const id = newRecordId();
      const record = {
        ...agreement,
        id,
        number: `${eventDate.slice(0, 4)}-${AGREEMENT_TYPE_LABELS_ZH[type]}-${String(i + 1).padStart(6, '0')}`,
        title: `${parties[0]!.name.slice(0, 6)}${topic}合作协议`,
        type,
        signedDate: eventDate,
        eventId,
        termYears,
        expiresOn: expiresOn({ endDate: null, termYears, effectiveDate: null, signedDate: eventDate }),
        summary: `${parties.map((p) => p.name).join('与')}在${topic}方面开展合作。`,
      };
      insertAgreement({ ...record, searchText: agreementSearchText(record, parties.map((p) => p.name)) });
      parties.forEach((p, position) =>
        insertParty({ id: newRecordId(), agreementId: id, organizationId: p.id, position, label: PARTY_LABELS_ZH[position]!, signatoryName: SURNAMES[(i + position) % SURNAMES.length]! + GIVEN_NAMES[i % GIVEN_NAMES.length]!, signatoryTitle: null, sealAffixed: false }),
      );
    }
  }).immediate();
  return count;
}
