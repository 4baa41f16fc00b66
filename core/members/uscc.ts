// Unified social credit code (统一社会信用代码), GB 32100-2015.
import type { OrganizationCategory } from '../contract/codes.js';

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
  | { reason: 'checksum'; expected: string; actual: string };

/** Checks an already-normalised code; null when valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return { reason: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i]!)) return { reason: 'character', position: i + 1, character: code[i]! };
  }
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
