// What a file is, decided from its bytes (never its name alone), and its sheets read through the
// reader for that kind: xlsx by the streaming reader, csv and text by the text reader, old .xls,
// .et, .ods and .xlsb by SheetJS in its own process. The byte limit is checked first; every other limit while the
// file streams. A zip's directory is checked (entries, declared sizes, encryption) before anything
// is inflated.
import type { SpreadsheetKind } from '../file-kinds.js';
import type { SheetGrid } from './grid.js';
import { importFileError, IMPORT_LIMITS, limitError } from './limits.js';
import { legacySheets } from './read-legacy.js';
import { textSheets, type TextEncoding } from './read-text.js';
import { xlsxSheets } from './read-xlsx.js';
import { chooseSheet, type ChosenSheet, type SheetChoice, type SheetSource } from './sheets.js';
import { zipDirectory } from './zip.js';

export type { SpreadsheetKind };

export interface SpreadsheetRead extends ChosenSheet {
  kind: SpreadsheetKind;
  encoding: TextEncoding | null;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const encrypted = () => importFileError('encrypted', 'The workbook is password-protected. Remove the password in Excel or WPS and import it again.');
const notSpreadsheet = (name: string) => importFileError('notSpreadsheet', 'This file is not a spreadsheet: choose an .xlsx, .xls, .ods or .csv file.', { name });

/** The kind of a file from its bytes. */
export function spreadsheetKind(fileName: string, bytes: Buffer): SpreadsheetKind {
  if (bytes.length === 0) throw importFileError('empty', 'The file is empty.');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw limitError('bytes', (bytes.length / 1048576).toFixed(1), IMPORT_LIMITS.maxFileBytes / 1048576);
  if (startsWith(bytes, OLE2)) {
    // An encrypted xlsx is an OLE2 container holding an "EncryptedPackage" stream; otherwise it is a legacy workbook.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw encrypted();
    return 'xls';
  }
  if (startsWith(bytes, ZIP_LOCAL)) {
    const parts = zipDirectory(bytes);
    if (parts.some((p) => p.encrypted)) throw encrypted();
    const names = new Set(parts.map((p) => p.name.toLowerCase()));
    if (names.has('mimetype') && bytes.includes(Buffer.from('application/vnd.oasis.opendocument.spreadsheet'))) return 'ods';
    if (names.has('xl/workbook.bin')) return 'xlsb';
    if (names.has('_rels/.rels') || names.has('xl/workbook.xml')) return 'xlsx';
    throw notSpreadsheet(fileName);
  }
  const head = bytes.subarray(0, 4096);
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  // Some systems save an HTML table with an .xls name; Excel opens it, and so does the worker.
  if (/\.xls$/i.test(fileName) && /^\s*<(!doctype html|html|table|meta)/i.test(head.toString('latin1'))) return 'html';
  if (/\.(pdf|docx?|pptx?|png|jpe?g|gif|bmp|zip|rar|7z|exe|dll)$/i.test(fileName)) throw notSpreadsheet(fileName);
  // Text with zero bytes that is not UTF-16 (the text reader decides that) is binary.
  if (!bom16 && head.includes(0) && !/[\n,\t"]\0|\0[\n,\t"]/.test(head.toString('latin1'))) throw notSpreadsheet(fileName);
  return 'csv';
}

/** The file's sheets and the chosen one's grid. */
export async function readSpreadsheet(fileName: string, bytes: Buffer, choice: SheetChoice, hasHeader: (grid: SheetGrid) => boolean): Promise<SpreadsheetRead> {
  const kind = spreadsheetKind(fileName, bytes);
  let sources: SheetSource[];
  let encoding: TextEncoding | null = null;
  if (kind === 'xlsx') sources = await xlsxSheets(bytes);
  else if (kind === 'csv') ({ encoding, sheets: sources } = textSheets(bytes));
  else sources = await legacySheets(bytes);
  if (sources.length === 0) throw importFileError('empty', 'The file has no rows to import.');
  return { kind, encoding, ...(await chooseSheet(sources, choice, hasHeader)) };
}
