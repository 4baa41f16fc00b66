import { describe, expect, it } from 'vitest';
import { regionName } from '../../core/members/regions.js';
import { decodeUscc, isValidUscc, normaliseUscc, readUscc, usccCategoryMismatch, usccCheckCharacter, usccProblem } from '../../core/members/uscc.js';
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

  // Codes published by large public bodies (companies, a university, a central government office),
  // each with its real check character.
  const PUBLIC = ['9144030071526726XG', '91110108551385082Q', '914403001922038216', '12100000400000624D', '91110000802100433B', '911100007109288314', '91330100716105852F', '11100000000013127D', '91110000100001043E', '91440300708461136T'];
  it.each(PUBLIC)('accepts the public code %s', (code) => {
    expect(usccProblem(code)).toBeNull();
    expect(readUscc(code)).not.toBeNull();
  });

  /** A code with the right check character for its first 17. */
  const withCheck = (first17: string) => first17 + usccCheckCharacter(first17);

  it('accepts letters the standard allows in position 1: A (军队), N (农业), Y (其他)', () => {
    for (const prefix of ['A1', 'A9', 'N1', 'N2', 'N3', 'N9', 'Y1']) expect(usccProblem(withCheck(`${prefix}220100MA0000001`)), prefix).toBeNull();
    expect(readUscc(withCheck('N2220100MA0000001'))).toMatchObject({ department: '农业', kind: '村级集体经济组织' });
  });

  it('refuses departments and kinds not in the tables, and letters in the region, even with a fitting check character', () => {
    expect(usccProblem(withCheck('B1220100MA0000001'))).toMatchObject({ reason: 'department', character: 'B' });
    expect(usccProblem(withCheck('Y2220100MA0000001'))).toMatchObject({ reason: 'kind', character: '2', department: '其他' });
    expect(usccProblem(withCheck('94220100MA0000001'))).toMatchObject({ reason: 'kind', character: '4', allowed: '1、2、3' });
    expect(usccProblem(withCheck('9122A100MA0000001'))).toEqual({ reason: 'region', position: 5, character: 'A' });
  });

  it('reads the department, kind and region in words; an unknown division is only unknown', () => {
    expect(readUscc('91350100M000100Y43')).toEqual({ department: '工商（市场监督管理）', kind: '企业', regionCode: '350100', region: '福建省福州市' });
    expect(readUscc('12100000400000624D')).toMatchObject({ department: '机构编制', kind: '事业单位', regionCode: '100000', region: null });
    expect(regionName('220104')).toBe('吉林省长春市朝阳区');
    expect(regionName('110101')).toBe('北京市东城区');
    expect(regionName('220000')).toBe('吉林省');
    expect(regionName('110100')).toBe('北京市');
    expect(regionName('999999')).toBeNull();
  });
});
