// Deterministic bulk data for benchmarks and crash tests: N members with a contact each, written
// with prepared statements in one transaction (drizzle's multi-row insert spends most of its time
// building SQL), so a run is all or nothing.
import { randomUUID } from 'node:crypto';
import { expiresOn, suggestAgreementType } from '../agreements/agreement-rules.js';
import { AGREEMENT_TYPE_LABELS_ZH, ORGANIZATION_CATEGORIES, PARTY_LABELS_ZH, roleRank, type MemberRole, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { memberSearchText } from '../members/members.js';
import { buildSearchText } from '../text/search-text.js';
import { pinyinSortKey } from '../text/pinyin.js';
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
  const insertOrg = ctx.sqlite.prepare(`INSERT INTO organizations (id, name, short_name, aliases, former_names, category, uscc, role, role_rank, status, join_date,
      pinyin_key, search_text, is_sample, created_at, updated_at) VALUES (?, ?, NULL, '[]', '[]', ?, ?, ?, ?, 'active', ?, ?, ?, 1, ?, ?)`);
  const insertContact = ctx.sqlite.prepare(`INSERT INTO contacts (id, organization_id, name, title, mobile, is_primary, sort_order, created_at, updated_at)
      VALUES (?, ?, ?, '联络员', ?, 1, 0, ?, ?)`);
  const insertLog = ctx.sqlite.prepare(`INSERT INTO change_log (at, entity, entity_id, action, before, after) VALUES (?, 'organization', ?, 'create', NULL, ?)`);
  const at = nowIso(ctx);
  const start = options.start ?? ctx.sqlite.prepare('SELECT count(*) AS n FROM organizations').pluck().get() as number;
  ctx.sqlite.transaction(() => {
    for (let k = 0; k < count; k++) {
      const i = start + k;
      const category = categoryOf(i);
      const name = nameOf(i, category);
      const uscc = usccOf(i, category);
      const role = ROLES[i % ROLES.length]!;
      const contact = SURNAMES[i % SURNAMES.length]! + GIVEN_NAMES[(i >> 2) % GIVEN_NAMES.length]!;
      const mobile = `139${String(i).padStart(8, '0')}`;
      const id = randomUUID();
      insertOrg.run(id, name, category, uscc, role, roleRank(role), `20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 9}`, pinyinSortKey(name), memberSearchText({ name, shortName: null, aliases: [], formerNames: [], uscc }, [{ name: contact, phone: null, mobile, email: null }]), at, at);
      insertContact.run(randomUUID(), id, contact, mobile, at, at);
      insertLog.run(at, id, JSON.stringify({ id, name, category, uscc, role }));
      if (options.onProgress && (k + 1) % 1000 === 0) options.onProgress(k + 1, count);
    }
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
  const insertEvent = ctx.sqlite.prepare(`INSERT INTO events (id, title, type, date, start_time, venue, organizers, is_sample, created_at, updated_at)
      VALUES (?, ?, 'signing_ceremony', ?, '09:30', ?, '[]', 1, ?, ?)`);
  const insertAgreement = ctx.sqlite.prepare(`INSERT INTO agreements (id, number, title, type, status, signed_date, event_id, term_years, expires_on, summary, tags, search_text, is_sample, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'signed', ?, ?, ?, ?, ?, '[]', ?, 1, ?, ?)`);
  const insertParty = ctx.sqlite.prepare(`INSERT INTO agreement_parties (id, agreement_id, organization_id, position, label, signatory_name) VALUES (?, ?, ?, ?, ?, ?)`);
  const at = nowIso(ctx);
  const start = ctx.sqlite.prepare('SELECT count(*) FROM agreements').pluck().get() as number;
  ctx.sqlite.transaction(() => {
    let eventId = '';
    let eventDate = '';
    for (let k = 0; k < count; k++) {
      const i = start + k;
      if (k % 50 === 0) {
        eventId = randomUUID();
        const year = 2016 + (Math.floor(i / 50) % 10);
        eventDate = `${year}-${String(1 + (Math.floor(i / 50) % 12)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`;
        insertEvent.run(eventId, `${year}年校企合作签约仪式（第${Math.floor(i / 50) + 1}场）`, eventDate, '汽开区会议中心', at, at);
      }
      const a = members[i % members.length]!;
      const b = members[(i * 7 + 3) % members.length]!;
      const parties = a.id === b.id ? [a, members[(i + 1) % members.length]!] : [a, b];
      const type = suggestAgreementType(parties.map((p) => p.category));
      const termYears = 2 + (i % 4);
      const title = `${parties[0]!.name.slice(0, 6)}${AGREEMENT_TOPICS[i % AGREEMENT_TOPICS.length]}合作协议`;
      const number = `${eventDate.slice(0, 4)}-${AGREEMENT_TYPE_LABELS_ZH[type]}-${String(i + 1).padStart(6, '0')}`;
      const id = randomUUID();
      const summary = `${parties.map((p) => p.name).join('与')}在${AGREEMENT_TOPICS[i % AGREEMENT_TOPICS.length]}方面开展合作。`;
      insertAgreement.run(id, number, title, type, eventDate, eventId, termYears, expiresOn({ endDate: null, termYears, effectiveDate: null, signedDate: eventDate }), summary, buildSearchText([number, title, summary, ...parties.map((p) => p.name)]), at, at);
      parties.forEach((p, position) => insertParty.run(randomUUID(), id, p.id, position, PARTY_LABELS_ZH[position]!, SURNAMES[(i + position) % SURNAMES.length]! + GIVEN_NAMES[i % GIVEN_NAMES.length]!));
    }
  }).immediate();
  return count;
}
