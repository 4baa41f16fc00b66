// Unified social credit code (统一社会信用代码), GB 32100-2015 as amended: position 1 a registering
// department and position 2 a kind of body from the standard's tables (letters allowed in position
// 1), positions 3–8 the registering authority's division code (GB/T 2260, digits), 9–17 the body's
// own code, 18 the check character.
import type { OrganizationCategory } from '../contract/codes.js';
import { regionName } from './regions.js';
import { USCC_DEPARTMENTS } from './uscc-tables.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Removes all whitespace, folds full-width ASCII (Ａ１) to half-width and upper-cases. */
export function normaliseUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem =
  | { reason: 'length'; length: number }
  | { reason: 'character'; position: number; character: string }
  | { reason: 'department'; character: string; allowed: string }
  | { reason: 'kind'; character: string; department: string; allowed: string }
  | { reason: 'region'; position: number; character: string }
  | { reason: 'checksum'; expected: string; actual: string };

const DEPARTMENT_CODES = Object.keys(USCC_DEPARTMENTS).join('、');

/** Checks an already-normalised code; null when valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return { reason: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i]!)) return { reason: 'character', position: i + 1, character: code[i]! };
  }
  const department = USCC_DEPARTMENTS[code[0]!];
  if (!department) return { reason: 'department', character: code[0]!, allowed: DEPARTMENT_CODES };
  if (!department.kinds[code[1]!]) return { reason: 'kind', character: code[1]!, department: department.name, allowed: Object.keys(department.kinds).join('、') };
  for (let i = 2; i < 8; i++) if (code.charCodeAt(i) < 48 || code.charCodeAt(i) > 57) return { reason: 'region', position: i + 1, character: code[i]! };
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return { reason: 'checksum', expected, actual: code[17]! };
  return null;
}

export function isValidUscc(input: string): boolean {
  return usccProblem(normaliseUscc(input)) === null;
}

export interface UsccDecoded {
  department: string; // position 1: registering department code
  kind: string; // position 2
  regionCode: string; // positions 3–8
  organizationCode: string; // positions 9–17
}

export function decodeUscc(code: string): UsccDecoded {
  return {
    department: code[0]!,
    kind: code[1]!,
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  };
}

/** What a valid code says, in words: 登记管理部门, 机构类别 and the region (null when the division is not in the table). */
export interface UsccReading {
  department: string;
  kind: string;
  regionCode: string;
  region: string | null;
}

export function readUscc(code: string): UsccReading | null {
  const department = USCC_DEPARTMENTS[code[0] ?? ''];
  const kind = department?.kinds[code[1] ?? ''];
  if (!department || !kind || code.length !== 18) return null;
  const regionCode = code.slice(2, 8);
  return { department: department.name, kind, regionCode, region: regionName(regionCode) };
}

// Usual first two characters by category: 11 机关, 12 事业单位, 52 民办非企业, 91 企业, 51 社会团体.
const EXPECTED_PREFIXES: Record<OrganizationCategory, string[]> = {
  government: ['11', '12'],
  university: ['12', '52'],
  higher_vocational: ['12', '52'],
  secondary_vocational: ['12', '52'],
  research: ['12', '52', '91'],
  enterprise: ['91', '92', '93'],
  association: ['51', '52', '53'],
  other: [],
};

/** A code whose prefix does not fit the category is only a warning: real registrations vary. */
export function usccCategoryMismatch(code: string, category: OrganizationCategory): { prefix: string; expected: string[] } | null {
  const expected = EXPECTED_PREFIXES[category];
  const prefix = code.slice(0, 2);
  if (expected.length === 0 || expected.includes(prefix)) return null;
  return { prefix, expected };
}

/** The usual first two characters for a category (generated sample codes use it). */
export function typicalUsccPrefix(category: OrganizationCategory): string {
  return EXPECTED_PREFIXES[category][0] ?? '12';
}
