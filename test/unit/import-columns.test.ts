// How headers, section rows, categories, roles, dates and text are recognised and tidied.
import { describe, expect, it } from 'vitest';
import { categoryFromText, fieldForHeader, findHeaderRow, roleFromText, sectionCategory, sectionHeading } from '../../core/io/imports/columns.js';
import { nonMemberRow } from '../../core/io/imports/row-kinds.js';
import { normaliseName, tidySpaces, unshield } from '../../core/io/imports/normalise.js';
import { normaliseDate } from '../../core/io/imports/read-row.js';
import { parseDelimited } from '../../core/io/imports/read/read-text.js';

describe('section rows', () => {
  it.each([
    ['一、政府机构（10个）', 'government'],
    ['二．本科院校', 'university'],
    ['（三）高职院校 8所', 'higher_vocational'],
    ['四、中等职业学校（38所）', 'secondary_vocational'],
    ['企业（120家）', 'enterprise'],
    ['5. 行业协会', 'association'],
  ])('reads %s as %s', (text, category) => {
    expect(sectionCategory([text])).toBe(category);
    expect(sectionCategory([text, text, text])).toBe(category); // merged across the row
  });
  it.each([['企业'], ['一、说明'], ['长春市教育局']])('does not take %s for a section', (text) => {
    expect(sectionCategory([text])).toBeNull();
  });
  it('is never a row with several values', () => {
    expect(sectionCategory(['一、政府机构', '长春市教育局'])).toBeNull();
  });
  it('knows a heading that names no category, so the rows under it are not filed under the one above', () => {
    expect(sectionHeading(['二、学校'])).toEqual({ label: '学校', category: null, role: null, level: 'top' });
    expect(sectionHeading(['（一）理事长单位'])).toEqual({ label: '理事长单位', category: null, role: 'chair', level: 'within' });
    expect(sectionHeading(['（三）理事单位：'])).toEqual({ label: '理事单位:', category: null, role: 'council', level: 'within' });
    expect(sectionHeading(['二、本科院校'])).toEqual({ label: '本科院校', category: 'university', role: null, level: 'top' });
    expect(sectionHeading(['（二）长春市', '（二）长春市'])).toEqual({ label: '长春市', category: null, role: null, level: 'within' });
    // Units alone on their rows (a count-like ending, an Arabic number), long names, figures: not headings.
    expect(sectionHeading(['中电科55所'])).toBeNull();
    expect(sectionHeading(['1、长春一汽富维'])).toBeNull();
    expect(sectionHeading(['职业院校（12所）'])).toBeNull();
    expect(sectionHeading(['一、长春汽车产业集群产教联合体秘书处'])).toBeNull();
    expect(sectionHeading(['三、2024年新增'])).toBeNull();
    expect(sectionHeading(['学校'])).toBeNull();
  });
  it('reads a heading over notes as a note', () => {
    expect(sectionHeading(['一、说明'])).toBeNull();
    expect(nonMemberRow(['一、说明'], 1)).toBe('note');
    expect(nonMemberRow(['三．填表说明'], 1)).toBe('note');
  });
});

describe('headers and values', () => {
  it('maps header names, ignoring spaces, brackets and width', () => {
    expect(fieldForHeader(' 单位 名称 ')).toBe('name');
    expect(fieldForHeader('统一社会信用代码（18位）')).toBe('uscc');
    expect(fieldForHeader('联合体职务')).toBe('role');
    expect(fieldForHeader('职务')).toBe('contactTitle');
    expect(fieldForHeader('ＥＭＡＩＬ')).toBe('contactEmail');
    expect(fieldForHeader('序号')).toBeNull();
  });
  it('finds the header row under titles, never a merged title', () => {
    expect(findHeaderRow([['名单', '名单', '名单'], ['', '2026年'], ['序号', '单位名称', '联系人'], ['1', '长春市教育局', '王明']])).toBe(2);
    expect(findHeaderRow([['甲', '乙'], ['1', '2']])).toBeNull();
  });
  it('reads categories and roles from labels, synonyms and codes', () => {
    expect(categoryFromText('高等职业院校')).toBe('higher_vocational');
    expect(categoryFromText('enterprise')).toBe('enterprise');
    expect(categoryFromText('行业协会/社会组织')).toBe('association');
    expect(categoryFromText('火星')).toBeNull();
    expect(roleFromText('常务理事')).toBe('executive_council');
    expect(roleFromText('理事长单位')).toBe('chair');
    expect(roleFromText('vice_chair')).toBe('vice_chair');
    expect(roleFromText('理事长秘书')).toBeNull();
  });
  it('tidies names, spaces, dates and shielded formulas', () => {
    expect(normaliseName(' ＡＢＣ 汽车 (长春) 有限公司 ')).toBe('ABC汽车（长春）有限公司');
    expect(tidySpaces('长春  市\u3000教育局 ')).toBe('长春市教育局');
    expect(normaliseDate('2023/8/19')).toBe('2023-08-19');
    expect(normaliseDate('2023年8月9日')).toBe('2023-08-09');
    expect(normaliseDate('２０２３.０８.１９')).toBe('2023-08-19');
    expect(normaliseDate('去年')).toBe('去年');
    expect(unshield("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unshield("'单位")).toBe("'单位");
  });
  it('parses quoted csv fields with separators, quotes and line breaks', () => {
    expect(parseDelimited('a,"b,c","d""e"\r\n"多\n行",x,\n').rows).toEqual([
      ['a', 'b,c', 'd"e'],
      ['多\n行', 'x'],
    ]);
    expect(parseDelimited('a;b;c\n1;2;3').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });
});
