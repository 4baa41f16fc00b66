// The sample alliance: 长春市汽车产业集群产教联合体 as the founding article reports it (2023-08-19),
// with exactly the article's member counts. Deterministic, so tests and screenshots are stable.
import { memberCreateInput } from '../members/contract.js';
import type { ApiInput } from '../contract/registry.js';
import { overview, saveProfile } from '../alliance/alliance.js';
import type { FolderInfo } from '../contract/services.js';
import type { MemberRole, OrganizationCategory } from '../contract/codes.js';
import type { ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { createMember } from '../members/members.js';
import { typicalUsccPrefix, usccCheckCharacter } from '../members/uscc.js';
import type { AppOverview } from '../alliance/contract.js';
import { loadFoundingCongress } from './founding-congress.js';
import { currentTermId } from '../terms/seats.js';
import { loadSampleProjects } from './sample-projects.js';
import { loadSampleAwards } from './sample-awards.js';
import {
  CONTACT_TITLES,
  ENTERPRISE_TRADES,
  ENTERPRISE_WORDS,
  GIVEN_NAMES,
  GOVERNMENT,
  HIGHER_VOCATIONAL,
  NAMED_ENTERPRISES,
  RESEARCH,
  SCHOOL_KINDS,
  SCHOOL_PLACES,
  SURNAMES,
  UNIVERSITIES,
  type SampleUnit,
} from './names.js';

export const SAMPLE_COUNTS: Record<Exclude<OrganizationCategory, 'association' | 'other'>, number> = {
  government: 10,
  university: 8,
  higher_vocational: 8,
  secondary_vocational: 38,
  research: 6,
  enterprise: 120,
};

export const FOUNDING_DATE = '2023-08-19';

/** A small deterministic generator (mulberry32), so every load gives the same sample. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// GB 11714 organisation code check digit, so positions 9–17 look like a real organisation code.
function organizationCode(random: () => number): string {
  const digits = Array.from({ length: 8 }, () => Math.floor(random() * 10));
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const c = 11 - (digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 11);
  return digits.join('') + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}


function sampleUscc(category: OrganizationCategory, random: () => number): string {
  const first17 = `${typicalUsccPrefix(category)}220100${organizationCode(random)}`;
  return first17 + usccCheckCharacter(first17);
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function generatedSchools(): SampleUnit[] {
  const units: SampleUnit[] = [];
  for (const kind of SCHOOL_KINDS) for (const place of SCHOOL_PLACES) units.push({ name: `${place}${kind}` });
  // Spread over places and kinds rather than taking the first kind for every place.
  const step = 5; // coprime with the 84 combinations
  const picked = Array.from({ length: SAMPLE_COUNTS.secondary_vocational }, (_, i) => units[(i * step) % units.length]!);
  return picked.map((unit, i) => ({ ...unit, role: i < 2 ? 'executive_council' : i < 8 ? 'council' : 'member' }));
}

function generatedEnterprises(): SampleUnit[] {
  const count = SAMPLE_COUNTS.enterprise - NAMED_ENTERPRISES.length;
  const units: SampleUnit[] = [];
  for (let i = 0; units.length < count; i++) {
    const word = ENTERPRISE_WORDS[i % ENTERPRISE_WORDS.length]!;
    const trade = ENTERPRISE_TRADES[(i * 7 + Math.floor(i / ENTERPRISE_WORDS.length)) % ENTERPRISE_TRADES.length]!;
    units.push({ name: `长春${word}${trade}有限公司`, shortName: `${word}${trade.slice(0, 2)}` });
  }
  return units.map((unit, i) => ({ ...unit, role: i < 3 ? 'executive_council' : i < 15 ? 'council' : 'member' }));
}

export function sampleMembers(): ApiInput<'members.create'>[] {
  const random = seededRandom(20230819);
  const byCategory: [OrganizationCategory, SampleUnit[]][] = [
    ['government', GOVERNMENT],
    ['university', UNIVERSITIES],
    ['higher_vocational', HIGHER_VOCATIONAL],
    ['secondary_vocational', generatedSchools()],
    ['research', RESEARCH],
    ['enterprise', [...NAMED_ENTERPRISES, ...generatedEnterprises()]],
  ];
  const usedNames = new Set<string>();
  return byCategory.flatMap(([category, units]) =>
    units.map((unit) => {
      if (usedNames.has(unit.name)) throw new Error(`Sample name used twice: ${unit.name}`);
      usedNames.add(unit.name);
      const person = unit.contact ?? { name: pick(SURNAMES, random) + pick(GIVEN_NAMES, random), title: pick(CONTACT_TITLES[category], random) };
      const mobile = `13${Math.floor(random() * 10)}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
      return {
        name: unit.name,
        shortName: unit.shortName ?? null,
        aliases: unit.aliases ?? [],
        category,
        uscc: sampleUscc(category, random),
        role: (unit.role ?? 'member') as MemberRole,
        status: 'active' as const,
        joinDate: FOUNDING_DATE,
        address: '吉林省长春市',
        contacts: [{ name: person.name, title: person.title, mobile, phone: null, email: null, isPrimary: true }],
      };
    }),
  );
}

/** What the clerk already keeps in this file: her profile's name, and how many records of her own. */
function clerksOwn(ctx: ServiceContext): { profileName: string | null; records: number; sampleLoaded: boolean } {
  const count = (sql: string) => ctx.sqlite.prepare(sql).pluck().get() as number;
  const own = (table: string) => count(`SELECT count(*) FROM ${table} WHERE is_sample = 0`);
  const profile = ctx.sqlite.prepare(`SELECT name, is_sample FROM alliance_profile LIMIT 1`).get() as { name: string; is_sample: number } | undefined;
  const sample = ['organizations', 'events', 'agreements', 'talent_items'].some((table) => count(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE is_sample = 1)`) === 1);
  return {
    profileName: profile && !profile.is_sample ? profile.name : null,
    records: own('organizations') + own('events') + own('agreements') + own('talent_items'),
    sampleLoaded: sample || Boolean(profile?.is_sample),
  };
}

function electedAtFoundingCongress(ctx: ServiceContext): void {
  const termId = currentTermId(ctx);
  if (!termId) return;
  const congress = ctx.sqlite.prepare(`SELECT id FROM events WHERE is_sample = 1 AND type = 'founding_congress' ORDER BY date LIMIT 1`).pluck().get() as string | undefined;
  const free = !ctx.sqlite.prepare('SELECT 1 FROM council_terms WHERE ordinal = 1').get();
  ctx.sqlite
    .prepare('UPDATE council_terms SET ordinal = ?, start_date = ?, elected_event_id = ?, is_sample = 1 WHERE id = ?')
    .run(free ? 1 : null, FOUNDING_DATE, congress ?? null, termId);
}

/**
 * Loads the sample alliance. Into a file that already holds the clerk's profile or records it asks
 * first (`confirmed`), then adds the sample beside them: her profile stays as it is, and every
 * sample record is flagged so that removing the sample takes exactly those away again.
 */
export function loadSampleAlliance(ctx: ServiceContext, folder: FolderInfo, options: { confirmed?: boolean } = {}): AppOverview {
  const own = clerksOwn(ctx);
  if (own.sampleLoaded) throw new AppError('CONFLICT', 'The sample alliance is already loaded in this file.', { key: 'errors.sampleLoaded' });
  if ((own.profileName || own.records > 0) && !options.confirmed) {
    throw new AppError('CONFLICT', `This file already holds the alliance profile or records of its own (${own.records} records); load the sample beside them only when confirmed.`, {
      key: own.records > 0 ? 'errors.sampleAsks' : 'errors.sampleAsksProfile',
      params: { name: own.profileName ?? '', records: own.records },
    });
  }
  try {
    ctx.sqlite.transaction(() => {
      const hadTerm = currentTermId(ctx) !== null;
      if (!own.profileName) {
        saveProfile(
          ctx,
          {
            name: '长春市汽车产业集群产教联合体',
            shortName: '长春汽车产教联合体',
            level: 'municipal',
            foundingDate: FOUNDING_DATE,
            leadUnits: ['长春市教育局', '长春汽车经济技术开发区管理委员会'],
            secretariatHost: null,
            councilTerm: '第一届',
          },
          { isSample: true },
        );
      }
      const members = sampleMembers();
      for (const input of members) createMember(ctx, memberCreateInput.parse(input), { isSample: true });
      loadFoundingCongress(ctx, {
        secondarySchools: members.filter((m) => m.category === 'secondary_vocational').map((m) => m.name),
        // The generated enterprises (all named 长春…), not the two the article names.
        enterprises: members.filter((m) => m.category === 'enterprise' && m.name.startsWith('长春')).map((m) => m.name),
      });
      // The founding congress elected the first council with the sample's roles (into a file with a
      // council of the clerk's own, the sample units join hers instead).
      if (!hadTerm) electedAtFoundingCongress(ctx);
      loadSampleProjects(ctx);
      loadSampleAwards(ctx);
    })();
  } catch (error) {
    // A unit of the clerk's has a sample unit's name or code: nothing was loaded, and she is told which.
    const key = error instanceof AppError ? error.toShape().details?.key : undefined;
    if (key === 'errors.duplicateName' || key === 'errors.duplicateUscc') {
      const name = String(error instanceof AppError ? (error.toShape().details?.params?.name ?? '') : '');
      throw new AppError('CONFLICT', `A member of this file clashes with the sample's ${name}; nothing was loaded.`, { key: 'errors.sampleClash', params: { name } });
    }
    throw error;
  }
  return overview(ctx, folder);
}
