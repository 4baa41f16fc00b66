// Rules of agreements that do not need the database: which types the parties' categories allow,
// which type to suggest, the derived state from the dates, and the number pattern.
import { addDays, daysBetween, toDay } from '../records/dates.js';
import {
  AGREEMENT_TYPE_LABELS_ZH,
  CATEGORY_LABELS_ZH,
  EXPIRING_WITHIN_DAYS,
  SCHOOL_CATEGORIES,
  type AgreementState,
  type AgreementStatus,
  type AgreementType,
  type OrganizationCategory,
} from '../contract/codes.js';

type PartyGroup = 'school' | 'enterprise' | 'government' | 'research';

const GROUP_OF: Partial<Record<OrganizationCategory, PartyGroup>> = {
  university: 'school',
  higher_vocational: 'school',
  secondary_vocational: 'school',
  enterprise: 'enterprise',
  government: 'government',
  research: 'research',
};

const GROUP_LABEL_ZH: Record<PartyGroup, string> = { school: '学校', enterprise: '企业', government: '政府机构', research: '科研机构' };

/** domain.md: 校企 needs ≥1 school and ≥1 enterprise; 校校 ≥2 schools; … 其他 anything. */
export const TYPE_REQUIREMENTS: Record<AgreementType, Partial<Record<PartyGroup, number>>> = {
  school_enterprise: { school: 1, enterprise: 1 },
  school_school: { school: 2 },
  research_education: { research: 1, school: 1 },
  government_enterprise: { government: 1, enterprise: 1 },
  government_school: { government: 1, school: 1 },
  government_school_enterprise: { government: 1, school: 1, enterprise: 1 },
  other: {},
};

function groupCounts(categories: OrganizationCategory[]): Record<PartyGroup, number> {
  const counts: Record<PartyGroup, number> = { school: 0, enterprise: 0, government: 0, research: 0 };
  for (const category of categories) {
    const group = GROUP_OF[category];
    if (group) counts[group]++;
  }
  return counts;
}

export interface AgreementTypeProblem {
  key: string;
  params: Record<string, string | number>;
  message: string;
}

/** Why parties of these categories cannot sign an agreement of this type; null when they can. */
export function agreementTypeProblem(type: AgreementType, categories: OrganizationCategory[]): AgreementTypeProblem | null {
  const counts = groupCounts(categories);
  const missing = (Object.entries(TYPE_REQUIREMENTS[type]) as [PartyGroup, number][]).filter(([group, need]) => counts[group] < need);
  if (missing.length === 0) return null;
  const needs = missing.map(([group, need]) => `${need}${group === 'school' ? '所' : group === 'enterprise' ? '家' : '个'}${GROUP_LABEL_ZH[group]}`).join('、');
  const has = categories.map((c) => CATEGORY_LABELS_ZH[c]).join('、');
  return {
    key: 'errors.agreementTypeParties',
    params: { type: AGREEMENT_TYPE_LABELS_ZH[type], needs, has },
    message: `A ${type} agreement needs at least ${missing.map(([g, n]) => `${n} ${g}`).join(' and ')} among its parties; the parties are: ${categories.join(', ')}.`,
  };
}

/** Most specific first: the first type the parties satisfy is the suggestion. */
const SUGGESTION_ORDER: AgreementType[] = [
  'government_school_enterprise',
  'research_education',
  'school_enterprise',
  'government_enterprise',
  'government_school',
  'school_school',
  'other',
];

export function suggestAgreementType(categories: OrganizationCategory[]): AgreementType {
  return SUGGESTION_ORDER.find((type) => agreementTypeProblem(type, categories) === null) ?? 'other';
}

export function isSchool(category: OrganizationCategory): boolean {
  return SCHOOL_CATEGORIES.includes(category);
}

export { addDays, daysBetween };

/** The last day an agreement is in force: its end date, or start + term years − 1 day. */
export function expiresOn(a: { endDate: string | null; termYears: number | null; effectiveDate: string | null; signedDate: string | null }): string | null {
  if (a.endDate) return a.endDate;
  const start = a.effectiveDate ?? a.signedDate;
  if (!a.termYears || !start) return null;
  const year = Number(start.slice(0, 4)) + a.termYears;
  let end = `${year}${start.slice(4)}`;
  if (start.slice(5) === '02-29' && toDay(`${year}-03-01`) - toDay(`${year}-02-28`) === 1) end = `${year}-03-01`; // no 29 Feb that year
  return addDays(end, -1);
}

/**
 * The state as of today. An agreement a signed successor renews (or amends) has been seen to, so it
 * is in force until its last day, never "expiring": the reminder would only send the clerk to a
 * renewal she has made.
 */
export function agreementState(status: AgreementStatus, expires: string | null, today: string, renewed = false): AgreementState {
  if (status !== 'signed') return status;
  if (!expires) return 'in_force';
  if (expires < today) return 'expired';
  return !renewed && daysBetween(today, expires) <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'in_force';
}

export const DEFAULT_NUMBER_PATTERN = '{year}-{type}-{seq}';

/** Fills a number pattern; `{seq}` is zero-padded to three digits. */
export function formatAgreementNumber(pattern: string, values: { year: string; type: AgreementType; seq: number }): string {
  return pattern
    .replaceAll('{year}', values.year)
    .replaceAll('{type}', AGREEMENT_TYPE_LABELS_ZH[values.type])
    .replaceAll('{seq}', String(values.seq).padStart(3, '0'));
}

/** A pattern must contain {seq}, or every agreement of a year and type would get the same number. */
export function isValidNumberPattern(pattern: string): boolean {
  return pattern.includes('{seq}') && pattern.replace(/\{(year|type|seq)\}/g, '').length <= 40 && !/[{}]/.test(pattern.replace(/\{(year|type|seq)\}/g, ''));
}
