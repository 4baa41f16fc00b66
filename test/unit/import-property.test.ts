// Property: a roster, rendered as xlsx, xls or csv in any encoding the import reads, with or without
// a title row, section rows, a sum row and a sign-off line, imports to the same members.
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CATEGORY_LABELS_ZH, ORGANIZATION_CATEGORIES, type OrganizationCategory } from '../../core/contract/codes.js';
import { callOk } from '../support/core.js';
import { useImportCore } from '../support/import-core.js';

const imports = useImportCore();

interface Member {
  name: string;
  category: OrganizationCategory;
  contact: string | null;
}

const SYLLABLES = '长春吉林汽车科技职业技术学院工业集团研究所协会教育局发展有限公司新区光电材料智能制造'.split('');
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 8 }).map((s) => s.join(''));
const member = fc.record({ name: word, category: fc.constantFrom(...ORGANIZATION_CATEGORIES), contact: fc.option(fc.array(fc.constantFrom(...'王李张刘陈杨赵黄周吴明华强伟芳'.split('')), { minLength: 2, maxLength: 3 }).map((s) => s.join('')), { nil: null }) });
const roster = fc.uniqueArray(member, { minLength: 1, maxLength: 12, selector: (m) => m.name }).map((ms) => ms.map((m, i) => ({ ...m, name: `${m.name}${i + 1}号` })));
const FORMATS = ['xlsx', 'xls', 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom', 'utf-16le', 'utf-16be'] as const;
const shape = fc.record({ format: fc.constantFrom(...FORMATS), title: fc.boolean(), sections: fc.boolean(), sum: fc.boolean(), signOff: fc.boolean() });

const NUMERALS = '一二三四五六七八九十';

function grid(members: Member[], s: { title: boolean; sections: boolean; sum: boolean; signOff: boolean }): string[][] {
  const rows: string[][] = [];
  if (s.title) rows.push(['长春市汽车产业集群产教联合体成员单位名单']);
  if (s.sections) {
    rows.push(['序号', '单位名称', '联系人']);
    const groups = ORGANIZATION_CATEGORIES.map((c) => ({ c, ms: members.filter((m) => m.category === c) })).filter((g) => g.ms.length > 0);
    groups.forEach((g, i) => {
      rows.push([`${NUMERALS[i]}、${CATEGORY_LABELS_ZH[g.c]}（${g.ms.length}个）`]);
      g.ms.forEach((m, k) => rows.push([String(k + 1), m.name, m.contact ?? '']));
    });
  } else {
    rows.push(['序号', '单位名称', '类别', '联系人']);
    members.forEach((m, k) => rows.push([String(k + 1), m.name, CATEGORY_LABELS_ZH[m.category], m.contact ?? '']));
  }
  if (s.sum) rows.push(['合计', `${members.length}家`]);
  if (s.signOff) rows.push(['填表人：张三', '', '日期：2026年11月1日']);
  return rows;
}

/** The order the rows come out in: grouped by category when there are section rows. */
function expected(members: Member[], sections: boolean): Member[] {
  return sections ? ORGANIZATION_CATEGORIES.flatMap((c) => members.filter((m) => m.category === c)) : members;
}

function render(rows: string[][], format: (typeof FORMATS)[number]): { fileName: string; bytes: Buffer } {
  if (format === 'xlsx' || format === 'xls') {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '名单');
    return { fileName: `名单.${format}`, bytes: Buffer.from(XLSX.write(book, { type: 'buffer', bookType: format === 'xls' ? 'biff8' : 'xlsx' }) as Uint8Array) };
  }
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  const bytes =
    format === 'utf-8-bom'
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
      : format === 'utf-16le-bom'
        ? iconv.encode(text, 'utf-16le', { addBOM: true })
        : format === 'utf-8'
          ? Buffer.from(text, 'utf8')
          : iconv.encode(text, format, { addBOM: false });
  return { fileName: '名单.csv', bytes };
}

describe('any roster, in any shape and format', () => {
  it('imports to the same members', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(roster, shape, async (members, s) => {
        const { fileName, bytes } = render(grid(members, s), s.format);
        const staged = await imports.stage(fileName, bytes);
        const preview = callOk(imports.core, 'imports.preview', { uploadId: staged.uploadId });
        expect(preview.counts.error).toBe(0);
        expect(preview.counts.skipped).toBe(Number(s.sum) + Number(s.signOff));
        const read = preview.rows.filter((r) => r.status === 'new').map((r) => ({ name: r.name, category: r.category, contact: r.contactName }));
        expect(read).toEqual(expected(members, s.sections));
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });
});
