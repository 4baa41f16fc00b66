// Member spreadsheets as clerks' files look: title rows, section rows, merged cells, full-width
// characters, stray spaces, in every encoding the import reads.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { usccCheckCharacter } from '../../core/members/uscc.js';

/** A valid USCC for a serial number: enterprise-style prefix 91, region 220100. */
export function validUscc(serial: number, prefix = '91'): string {
  const body = `${prefix}220100${String(serial).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

export interface MessyRow {
  name: string;
  role?: string;
  contact?: string;
  title?: string;
  phone?: string;
  uscc?: string;
}

/** Sections in order, each `一、<label>（n个）` then its rows; title and date rows above the header. */
export async function messyWorkbook(sections: { label: string; rows: MessyRow[] }[], options: { mergeSections?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  const header = ['序号', '单位 名称', '联合体职务', '联系人', '职务', '联系电话', '统一社会信用代码'];
  sheet.addRow(['长春市汽车产业集群产教联合体成员单位名单']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['', '', '', '', '', '截至 2026 年 11 月']);
  sheet.addRow(header);
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];
  sections.forEach((section, s) => {
    const heading = sheet.addRow([`${numerals[s]}、${section.label}（${section.rows.length}个）`]);
    if (options.mergeSections !== false) sheet.mergeCells(`A${heading.number}:G${heading.number}`);
    section.rows.forEach((r, i) => sheet.addRow([i + 1, r.name, r.role ?? '', r.contact ?? '', r.title ?? '', r.phone ?? '', r.uscc ?? '']));
  });
  sheet.addRow([]);
  sheet.addRow(['注：本名单由秘书处整理。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A plain workbook: header in row 1, a category column whose cells are merged down each group. */
export async function mergedCategoryWorkbook(groups: { category: string; names: string[] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['类别', '单位名称', '联系人']);
  for (const group of groups) {
    const first = sheet.rowCount + 1;
    group.names.forEach((name, i) => sheet.addRow([i === 0 ? group.category : null, name, '']));
    if (group.names.length > 1) sheet.mergeCells(`A${first}:A${first + group.names.length - 1}`);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'gbk' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030':
    case 'gbk':
      return iconv.encode(text, encoding);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'utf-16le':
      return iconv.encode(text, 'utf16le');
  }
}

/** n enterprise rows with valid codes and mobile numbers, as a workbook with a category column. */
export async function largeWorkbook(n: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成员');
  sheet.addRow(['单位名称', '类别', '联合体职务', '统一社会信用代码', '联系人', '职务', '联系电话']);
  for (let i = 0; i < n; i += 1) {
    sheet.addRow([`长春第${String(i + 1).padStart(5, '0')}汽车零部件有限公司`, '企业', i % 50 === 0 ? '理事单位' : '成员单位', validUscc(500000 + i), `联系人${i % 97}`, '经理', `139${String(10000000 + i).padStart(8, '0')}`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A roster as clerks type it: spaces, full-width letters, formula-looking cells, section rows. */
export const MESSY = [
  {
    label: '政府机构',
    rows: [
      { name: ' 长春市 教育局 ', role: '牵头单位', contact: '王 明', title: '处长', phone: '０４３１－８８８８８８８８' },
      { name: '长春市工业和信息化局', role: '理事单位', contact: '李华', title: '科长', phone: '13900000001' },
    ],
  },
  {
    label: '企业',
    rows: [
      { name: 'ＡＢＣ汽车零部件(长春)有限公司', role: '常务理事', contact: '@SUM(A1)', title: '=1+1', phone: '13900000002', uscc: validUscc(1) },
      { name: '一汽模具制造有限公司', role: '', contact: '赵强', phone: '13900000003', uscc: '91220101000000001X' },
    ],
  },
];
