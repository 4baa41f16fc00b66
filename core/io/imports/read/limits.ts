// How much of a spreadsheet the import reads, and the error that names a limit and the figure.
// Every reader applies these while the file streams, before any grid is built, so no file within
// the byte limit can make the app hold more than a few hundred megabytes.
import { AppError } from '../../../contract/errors.js';
import { columnLetters } from '../../exports/xlsx.js';

export { columnLetters };

export const IMPORT_LIMITS = {
  /** Largest file accepted (under the browser shell's 32 MB request cap once base64-encoded): a 100,000-row roster is about 6 MB as xlsx, 12 MB as csv. */
  maxFileBytes: 20 * 1024 * 1024,
  /** A roster workbook has a few dozen parts; thousands means something else. */
  maxZipEntries: 2000,
  /** Uncompressed total of all parts, from the zip's directory (a zip bomb declares or reaches more). */
  maxUncompressedBytes: 256 * 1024 * 1024,
  /** Rows with values in one sheet (styled empty rows below do not count). */
  maxRows: 200_000,
  /** Columns with values: a roster has a dozen or two. */
  maxColumns: 256,
  /** Cells of the grid built from a sheet (each row as wide as its last value), merged fills included. */
  maxCells: 3_000_000,
  /** Characters of text held from one file (shared strings and cells). */
  maxTextChars: 32_000_000,
  /** Excel's own limit for one cell. */
  maxCellChars: 32_767,
  /** Merged ranges in one sheet. */
  maxMerges: 100_000,
  /** Sheets in one workbook. */
  maxSheets: 255,
  /** Heap of the separate process that reads an old .xls or .ods (the library holds the whole workbook). */
  legacyHeapMb: 512,
} as const;

export type ImportLimit = 'bytes' | 'uncompressed' | 'parts' | 'rows' | 'columns' | 'cells' | 'text' | 'cellText' | 'item' | 'merges' | 'sheets' | 'memory';

/** An import file error: the reason's message key under import.file, and its parameters. */
export function importFileError(reason: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('IMPORT_FILE', message, { key: `import.file.${reason}`, params });
}

const LIMIT_TEXT: Record<ImportLimit, (figure: string, max: string) => string> = {
  bytes: (f, m) => `The file is ${f} MB; at most ${m} MB are accepted. Split the roster into several files, or save it as .xlsx (usually smaller), and import again.`,
  uncompressed: (f, m) => `The file would unpack to ${f} MB; at most ${m} MB are accepted.`,
  parts: (f, m) => `The file has ${f} parts; at most ${m} are accepted.`,
  rows: (f, m) => `The sheet has values in row ${f}; at most ${m} rows are read.`,
  columns: (f, m) => `The sheet has a value in cell ${f}, beyond the ${m} columns that are read. Delete what is there, or copy the roster alone to a new sheet, and import it again.`,
  cells: (f, m) => `The sheet would make more than ${m} cells (${f} so far).`,
  text: (f, m) => `The file holds more than ${m} characters of text (${f} so far).`,
  cellText: (f, m) => `Cell ${f} holds more than ${m} characters.`,
  item: (f) => `The part ${f} holds one name, attribute list or text far longer than any cell (over 1,000,000 characters).`,
  merges: (f, m) => `The sheet has more than ${m} merged ranges (${f}).`,
  sheets: (f, m) => `The workbook has ${f} sheets; at most ${m} are read.`,
  memory: (f, m) => `Reading the file needed more than ${m} MB of memory${f ? ` (${f})` : ''}.`,
};

/** A file refused by one of the limits, naming the limit, the figure that broke it and the maximum. */
export function limitError(limit: ImportLimit, figure: string | number, max: string | number, sheet?: string): AppError {
  const f = typeof figure === 'number' ? figure.toLocaleString('en-US') : figure;
  const m = typeof max === 'number' ? max.toLocaleString('en-US') : max;
  const where = sheet ? ` (sheet ${sheet})` : '';
  // The sheet's name in quotes, so it reads apart from the words around it (工作表“成员单位”的 …).
  return importFileError(`limit.${limit}`, LIMIT_TEXT[limit](f, m) + where, { figure: f, max: m, sheet: sheet ? `“${sheet}”` : '' });
}

/** Column letters (A, Z, AA) as a 0-based index; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
    // Beyond any sheet (XFD is 16,384): stop before the number grows without bound.
    if (n > 1_000_000) return n;
  }
  return n - 1;
}
