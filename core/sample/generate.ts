// Deterministic bulk data for benchmarks and crash tests: N members with a contact each, written
// with prepared statements in one transaction (drizzle's multi-row insert spends most of its time
// building SQL), so a run is all or nothing.
import { randomUUID } from 'node:crypto';
import { ORGANIZATION_CATEGORIES, roleRank, type MemberRole, type OrganizationCategory } from '../codes.js';
import { nowIso, type ServiceContext } from '../context.js';
import { memberSearchText } from '../members.js';
import { pinyinSortKey } from '../pinyin.js';
import { typicalUsccPrefix, usccCheckCharacter } from '../uscc.js';
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
