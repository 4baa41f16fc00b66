// The Office files we write ourselves: the zip container and the xlsx worksheet, read back by the
// libraries our users' files meet (jszip, exceljs).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnLetters, xlsxOf } from '../../core/io/exports/xlsx.js';
import { zipOf } from '../../core/io/exports/zip-writer.js';

describe('zip writer', () => {
  it('writes entries a zip reader opens with their CRCs checked, an entry fed in many pieces included', async () => {
    // About 9 MB in pieces, so the entry spans several independently compressed pieces.
    const pieces = Array.from({ length: 160_000 }, (_, i) => `<row r="${i}">长春汽车产教联合体 ${i * 7919}</row>`);
    const bytes = zipOf([
      { name: '[Content_Types].xml', text: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', text: pieces.values() },
      { name: '目录/说明.txt', text: '' },
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', '目录/说明.txt']);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toBe('<Types/>');
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(pieces.join(''));
    expect(await zip.file('目录/说明.txt')!.async('string')).toBe('');
    // Compressed, not stored: the repetitive sheet shrinks a lot.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(pieces.join('')) / 4);
  });
});

describe('xlsx writer', () => {
  it('names columns past Z as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes cells, styles, merges, heights and page setup that exceljs reads back', async () => {
    const header = Array.from({ length: 28 }, (_, i) => `列${i + 1}`);
    const long = '长春汽车经济技术开发区管理委员会'.repeat(6);
    const bytes = await xlsxOf([
      {
        sheetName: "名单's",
        title: '标题',
        subtitle: '截至 2026-11-28',
        header,
        landscape: true,
        sections: [
          { heading: '企业（2家）', rows: [[1, long, 'a<b>&"c"', '控\u0001制', '_x0041_', '=1+1'], [2, '短']], footer: ['合计', 2] },
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("名单's")!;
    expect(sheet.getCell('A1').value).toBe('标题');
    expect(sheet.getCell('AB3').value).toBe('列28');
    expect(sheet.getCell('A4').value).toBe('企业（2家）');
    // exceljs leaves Excel's _xHHHH_ escapes as they are, so the escaped underscore shows here (Excel
    // and our import read it as the literal _x0041_). Formula-looking text stays text as typed, in a
    // quote-prefix cell (exports.test.ts reads the style); it is never a formula.
    expect(sheet.getRow(5).values).toEqual([undefined, 1, long, 'a<b>&"c"', '控制', '_x005F_x0041_', '=1+1']);
    expect(sheet.getCell('A7').value).toBe('合计');
    expect(sheet.getCell('B7').value).toBe(2);
    // Merged title, subtitle and heading across all 28 columns.
    expect(sheet.getCell('AB1').isMerged).toBe(true);
    expect(sheet.getCell('AB4').isMerged).toBe(true);
    expect(sheet.getCell('B5').isMerged).toBe(false);
    // Styles: the header bold on a fill with borders, body cells bordered and wrapped, the footer bold.
    expect(sheet.getCell('B3').font?.bold).toBe(true);
    expect(sheet.getCell('B3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } });
    expect(sheet.getCell('B5').border?.left?.style).toBe('thin');
    expect(sheet.getCell('B5').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(sheet.getCell('A7').font?.bold).toBe(true);
    expect(sheet.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    // The long wrapped name makes its row tall; the short row keeps the default height.
    expect(sheet.getRow(5).height).toBeGreaterThan(30);
    expect(sheet.getRow(6).height).toBeUndefined();
    expect(sheet.getColumn(2).width).toBe(26);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(workbook.creator).toBe('产教联合体秘书处工作台');
  });
});
