// A workbook's first sheet with data, as a grid of strings. Merged cells give every cell of the
// range the merged value (a category merged down a column applies to each row under it). Formula
// cells give their cached result, never the formula. Dates print as YYYY-MM-DD.
import type ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { IMPORT_LIMITS } from './file-check.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Phone numbers and codes typed as numbers: print whole numbers without exponent or decimals.
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

export async function readWorkbookGrid(bytes: Buffer): Promise<string[][]> {
  // Loaded on first import: exceljs is large.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT_FILE', `The xlsx file cannot be read: ${(error as Error).message}`, { key: 'import.file.unreadable' });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new AppError('IMPORT_FILE', 'The workbook has no rows.', { key: 'import.file.empty' });
  if (sheet.rowCount > IMPORT_LIMITS.maxRows) {
    throw new AppError('IMPORT_FILE', `The sheet has ${sheet.rowCount} rows; at most ${IMPORT_LIMITS.maxRows} are accepted.`, { key: 'import.file.tooManyRows', params: { max: IMPORT_LIMITS.maxRows } });
  }
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell's slaves hold nothing themselves; they take the master's value.
      cells[col - 1] = cellText(cell.isMerged ? cell.master.value : cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}
