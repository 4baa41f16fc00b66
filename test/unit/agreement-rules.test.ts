import { describe, expect, it } from 'vitest';
import { agreementState, agreementTypeProblem, expiresOn, formatAgreementNumber, isValidNumberPattern, suggestAgreementType } from '../../core/agreements/agreement-rules.js';
import { AGREEMENT_TYPES, type AgreementType, type OrganizationCategory } from '../../core/contract/codes.js';

const mixes: Record<string, OrganizationCategory[]> = {
  'school + enterprise': ['higher_vocational', 'enterprise'],
  'two enterprises': ['enterprise', 'enterprise'],
  'two schools': ['university', 'secondary_vocational'],
  'one school + association': ['university', 'association'],
  'research + school': ['research', 'university'],
  'research + enterprise': ['research', 'enterprise'],
  'government + enterprise': ['government', 'enterprise'],
  'government + school': ['government', 'higher_vocational'],
  'government + school + enterprise': ['government', 'secondary_vocational', 'enterprise'],
  'two governments': ['government', 'government'],
};

// Which types each mix may have (domain.md); 其他 fits everything.
const allowed: Record<string, AgreementType[]> = {
  'school + enterprise': ['school_enterprise', 'other'],
  'two enterprises': ['other'],
  'two schools': ['school_school', 'other'],
  'one school + association': ['other'],
  'research + school': ['research_education', 'other'],
  'research + enterprise': ['other'],
  'government + enterprise': ['government_enterprise', 'other'],
  'government + school': ['government_school', 'other'],
  'government + school + enterprise': ['school_enterprise', 'government_enterprise', 'government_school', 'government_school_enterprise', 'other'],
  'two governments': ['other'],
};

const suggested: Record<string, AgreementType> = {
  'school + enterprise': 'school_enterprise',
  'two enterprises': 'other',
  'two schools': 'school_school',
  'one school + association': 'other',
  'research + school': 'research_education',
  'research + enterprise': 'other',
  'government + enterprise': 'government_enterprise',
  'government + school': 'government_school',
  'government + school + enterprise': 'government_school_enterprise',
  'two governments': 'other',
};

describe('agreement type rules', () => {
  const cases = Object.keys(mixes).flatMap((mix) => AGREEMENT_TYPES.map((type) => [mix, type] as const));
  it.each(cases)('%s: %s', (mix, type) => {
    expect(agreementTypeProblem(type, mixes[mix]!) === null).toBe(allowed[mix]!.includes(type));
  });

  it.each(Object.keys(mixes))('suggests the most specific type for %s', (mix) => {
    expect(suggestAgreementType(mixes[mix]!)).toBe(suggested[mix]);
  });

  it('says why 校企 does not fit two enterprises', () => {
    expect(agreementTypeProblem('school_enterprise', ['enterprise', 'enterprise'])).toMatchObject({
      key: 'errors.agreementTypeParties',
      params: { type: '校企', needs: '1所学校', has: '企业、企业' },
    });
  });
});

describe('derived state', () => {
  const today = '2026-11-28';
  it.each([
    ['2027-02-26', 'expiring'], // today + 90 days
    ['2027-02-27', 'in_force'], // today + 91 days
    ['2026-11-28', 'expiring'], // last day is today
    ['2026-11-27', 'expired'],
    [null, 'in_force'],
  ] as const)('a signed agreement in force until %s is %s', (expires, state) => {
    expect(agreementState('signed', expires, today)).toBe(state);
  });

  it('counts a renewed agreement as in force until its last day, then expired', () => {
    expect(agreementState('signed', '2027-02-26', today, true)).toBe('in_force');
    expect(agreementState('signed', '2026-11-28', today, true)).toBe('in_force');
    expect(agreementState('signed', '2026-11-27', today, true)).toBe('expired');
  });

  it('keeps drafts and terminated agreements as they are', () => {
    expect(agreementState('draft', '2020-01-01', today)).toBe('draft');
    expect(agreementState('terminated', '2030-01-01', today)).toBe('terminated');
  });

  it('computes the last day from an end date or a term in years', () => {
    expect(expiresOn({ endDate: '2025-12-31', termYears: null, effectiveDate: '2023-08-19', signedDate: null })).toBe('2025-12-31');
    expect(expiresOn({ endDate: null, termYears: 3, effectiveDate: '2023-08-19', signedDate: '2023-08-01' })).toBe('2026-08-18');
    expect(expiresOn({ endDate: null, termYears: 1, effectiveDate: null, signedDate: '2024-02-29' })).toBe('2025-02-28');
    expect(expiresOn({ endDate: null, termYears: 4, effectiveDate: '2024-02-29', signedDate: null })).toBe('2028-02-28');
    expect(expiresOn({ endDate: null, termYears: 5, effectiveDate: null, signedDate: null })).toBeNull();
  });
});

describe('agreement numbers', () => {
  it('fills the pattern with year, type short form and a three-digit sequence', () => {
    expect(formatAgreementNumber('{year}-{type}-{seq}', { year: '2023', type: 'school_enterprise', seq: 1 })).toBe('2023-校企-001');
    expect(formatAgreementNumber('CCQC〔{year}〕{seq}号', { year: '2024', type: 'other', seq: 12 })).toBe('CCQC〔2024〕012号');
  });

  it('accepts only patterns with a sequence and known placeholders', () => {
    expect(isValidNumberPattern('{year}-{type}-{seq}')).toBe(true);
    expect(isValidNumberPattern('{year}-{type}')).toBe(false);
    expect(isValidNumberPattern('{year}-{seq}-{month}')).toBe(false);
  });
});
