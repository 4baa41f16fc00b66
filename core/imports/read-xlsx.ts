// A workbook's first sheet with data, as a grid of strings. Merged cells give every cell of the
// range the merged value (a category merged down a column applies to each row under it). Formula
// cells give their cached result, never the formula. Dates print as YYYY-MM-DD.
import type ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { IMPORT_LIMITS } from './file-check.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel writes characters XML cannot hold (a carriage return) as _xHHHH_, and a literal _x… with its
 * underscore escaped as _x005F_; exceljs hands both on as they are. */
function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeExcelEscapes(value);
  if (typeof value === 'number') {
    // Phone numbers and codes typed as numbers: print whole numbers without exponent or decimals.
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value) return decodeExcelEscapes(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

/** Column letters (A, Z, AA) as a 0-based index. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The merged ranges of worksheet `sheetNo`, read from its XML (the streaming reader does not report them). */
async function mergedRanges(bytes: Buffer, sheetNo: string): Promise<{ top: number; left: number; bottom: number; right: number }[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheetNo}.xml`)?.async('string');
  if (!xml) return [];
  return [...xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)].map((m) => ({ left: columnIndex(m[1]!), top: Number(m[2]) - 1, right: columnIndex(m[3]!), bottom: Number(m[4]) - 1 }));
}

/**
 * Reads with exceljs's streaming reader (about half the time of loading the whole workbook, and a
 * fraction of its memory), then gives every cell of a merged range its top-left value. The streaming
 * reader fails on some valid files (a worksheet stored in the zip before workbook.xml), so any failure
 * of it is retried with the whole-workbook load, which reads merged cells itself.
 */
export async function readWorkbookGrid(bytes: Buffer): Promise<string[][]> {
  try {
    return await readStreaming(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    return readWhole(bytes);
  }
}

async function readStreaming(bytes: Buffer): Promise<string[][]> {
  // Loaded on first import: exceljs is large.
  const { default: Excel } = await import('exceljs');
  const { Readable } = await import('node:stream');
  let grid: string[][] | null = null;
  let sheetNo = '';
  // Styles are read so that date cells come back as dates, not serial numbers.
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const worksheet of reader) {
    const rows: string[][] = [];
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      if (row.number > IMPORT_LIMITS.maxRows) throw tooManyRows();
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[row.number - 1] = Array.from(cells, (c) => c ?? '');
    }
    // The first sheet with anything in it; later sheets are read past, not kept.
    if (!grid && rows.some((r) => r && r.some((c) => c.trim()))) {
      grid = Array.from(rows, (r) => r ?? []);
      sheetNo = String((worksheet as unknown as { id: string | number }).id);
    }
  }
  if (!grid) throw noRows();
  for (const range of await mergedRanges(bytes, sheetNo)) {
    const value = grid[range.top]?.[range.left] ?? '';
    for (let r = range.top; r <= range.bottom; r++) {
      grid[r] ??= [];
      for (let c = range.left; c <= range.right; c++) grid[r]![c] = value;
    }
  }
  return grid;
}

async function readWhole(bytes: Buffer): Promise<string[][]> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT_FILE', `The xlsx file cannot be read: ${(error as Error).message}`, { key: 'import.file.unreadable' });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw noRows();
  if (sheet.rowCount > IMPORT_LIMITS.maxRows) throw tooManyRows();
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell's other cells hold nothing themselves; they take the top-left value.
      cells[col - 1] = cellText(cell.isMerged ? cell.master.value : cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

function tooManyRows(): AppError {
  return new AppError('IMPORT_FILE', `The sheet has more than ${IMPORT_LIMITS.maxRows} rows.`, { key: 'import.file.tooManyRows', params: { max: IMPORT_LIMITS.maxRows } });
}

function noRows(): AppError {
  return new AppError('IMPORT_FILE', 'The workbook has no rows.', { key: 'import.file.empty' });
}
