// xlsx through exceljs's streaming writer (about 5× faster and 9× leaner than the plain writer on
// 100k rows here): A4, frozen header, the header repeated on every printed page, widths for Chinese.
import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { columnWidths, displayWidth, neutraliseCell } from './cells.js';
import type { ReportSheet } from './table.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
// One style object per kind of cell, shared by every such cell: exceljs recognises an object it has
// seen and reuses its style id, where a style set property by property is worked out again per cell
// (a third of a 10,000-row export's time).
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, fill: HEADER_FILL, border: THIN, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const BODY_STYLE: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: 'middle', wrapText: true } };
const FOOTER_STYLE: Partial<ExcelJS.Style> = { ...BODY_STYLE, font: { bold: true } };

export async function xlsxOf(sheets: ReportSheet[]): Promise<Buffer> {
  // Loaded on first export, not at start-up: exceljs is large and most sessions never export.
  const { default: Excel } = await import('exceljs');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '产教联合体秘书处工作台';
  for (const table of sheets) {
    function* allRows() {
      for (const s of table.sections) {
        yield* s.rows;
        if (s.footer) yield s.footer;
      }
    }
    const headerRow = 3;
    const sheet = workbook.addWorksheet(table.sheetName, {
      views: [{ state: 'frozen', ySplit: headerRow }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: table.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${headerRow}:${headerRow}`,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    // Free-text columns wrap at about two dozen characters: wider ones make "fit to page width" shrink
    // every printed page until it cannot be read.
    const widths = columnWidths(table.header, allRows(), { min: 6, max: table.landscape ? 26 : 40 });
    sheet.columns = widths.map((width) => ({ width }));
    // Spreadsheets do not grow a row for wrapped text on their own: give each row the height its
    // longest wrapped cell needs (15 pt a line).
    const heightOf = (values: (string | number)[]) => {
      const lines = Math.max(1, ...values.map((v, i) => Math.ceil(displayWidth(String(v ?? '')) / Math.max(1, widths[i]! - 1))));
      return lines > 1 ? lines * 15 + 3 : undefined;
    };
    const last = String.fromCharCode(64 + table.header.length);
    const title = sheet.addRow([table.title]);
    title.font = { name: '宋体', size: 16, bold: true };
    title.alignment = { horizontal: 'center' };
    sheet.mergeCells(`A1:${last}1`);
    title.commit();
    const subtitle = sheet.addRow([table.subtitle]);
    subtitle.alignment = { horizontal: 'right' };
    sheet.mergeCells(`A2:${last}2`);
    subtitle.commit();
    const header = sheet.addRow(table.header);
    header.eachCell((cell) => {
      cell.style = HEADER_STYLE;
    });
    header.commit();
    for (const section of table.sections) {
      if (section.heading) {
        const heading = sheet.addRow([section.heading]);
        heading.font = { bold: true };
        sheet.mergeCells(`A${heading.number}:${last}${heading.number}`);
        heading.commit();
      }
      for (const values of [...section.rows, ...(section.footer ? [section.footer] : [])]) {
        const row = sheet.addRow(values.map((v) => neutraliseCell(v)));
        const height = heightOf(values);
        if (height) row.height = height;
        const style = values === section.footer ? FOOTER_STYLE : BODY_STYLE;
        row.eachCell({ includeEmpty: true }, (cell) => {
          cell.style = style;
        });
        row.commit();
      }
    }
    sheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
