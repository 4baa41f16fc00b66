import { describe, expect, it } from 'vitest';
import { decodeUscc, isValidUscc, normaliseUscc, usccCategoryMismatch, usccProblem } from '../../core/members/uscc.js';
import { VALID_USCC } from '../support/core.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code', () => {
  it.each(VALID_USCC)('accepts the valid code %s from domain.md', (code) => {
    expect(usccProblem(code)).toBeNull();
    expect(isValidUscc(code)).toBe(true);
  });

  it.each(VALID_USCC)('rejects every single-character change of %s', (code) => {
    let tried = 0;
    for (let position = 0; position < code.length; position++) {
      for (const replacement of ALPHABET + 'IOZSV') {
        if (replacement === code[position]) continue;
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidUscc(changed), changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(18 * 35);
  });

  it('normalises spaces, lower case and full-width characters before checking', () => {
    expect(normaliseUscc(' 9135 0100 m000 100y43 ')).toBe('91350100M000100Y43');
    expect(normaliseUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normaliseUscc('91350100M000100Y43\u3000')).toBe('91350100M000100Y43');
    expect(isValidUscc('９１５１２０８１ｍａ６２ｋ０２６０ｅ')).toBe(true);
  });

  it('says why a code is wrong', () => {
    expect(usccProblem('91350100M000100Y4')).toEqual({ reason: 'length', length: 17 });
    expect(usccProblem('91350100M0001O0Y43')).toEqual({ reason: 'character', position: 14, character: 'O' });
    expect(usccProblem('91350100M000100Y44')).toEqual({ reason: 'checksum', expected: '3', actual: '4' });
  });

  it('decodes the department, kind and region', () => {
    expect(decodeUscc('91512081MA62K0260E')).toEqual({ department: '9', kind: '1', regionCode: '512081', organizationCode: 'MA62K0260' });
  });

  it('warns, without refusing, when the prefix does not fit the category', () => {
    expect(usccCategoryMismatch('91350100M000100Y43', 'enterprise')).toBeNull();
    expect(usccCategoryMismatch('91350100M000100Y43', 'government')).toEqual({ prefix: '91', expected: ['11', '12'] });
    expect(usccCategoryMismatch('91350100M000100Y43', 'other')).toBeNull();
  });
});
