// What a file is, checked before anything parses it: size, kind (xlsx, csv, or something else),
// and for xlsx the zip's declared entry count and uncompressed size, read from its central directory
// without inflating anything, so a zip bomb is refused before anything is unpacked.
import { AppError } from '../../contract/errors.js';
import { zipDirectory } from './zip-reader.js';

export const IMPORT_LIMITS = {
  /** Largest file accepted (under the browser shell's 32 MB request cap once base64-encoded): a 100,000-row roster is about 6 MB as xlsx, 12 MB as csv. */
  maxFileBytes: 20 * 1024 * 1024,
  /** A roster workbook has a few dozen parts; thousands means something else. */
  maxZipEntries: 2000,
  /** Uncompressed total of all parts. */
  maxUncompressedBytes: 300 * 1024 * 1024,
  /** Rows read from one sheet. */
  maxRows: 200_000,
} as const;

export type ImportFileKind = 'xlsx' | 'csv';

function importError(reason: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('IMPORT_FILE', message, { key: `import.file.${reason}`, params });
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Zip facts from the central directory, read without inflating anything. */
export function inspectZip(bytes: Buffer): { entries: number; uncompressed: number; encrypted: boolean } {
  const parts = zipDirectory(bytes, IMPORT_LIMITS.maxZipEntries);
  return { entries: parts.length, uncompressed: parts.reduce((sum, p) => sum + p.size, 0), encrypted: parts.some((p) => p.encrypted) };
}

/** Refuses what cannot be a member spreadsheet, with the reason; returns how to read the rest. */
export function checkImportFile(fileName: string, bytes: Buffer): ImportFileKind {
  if (bytes.length === 0) throw importError('empty', 'The file is empty.');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw importError('tooLarge', `The file is ${(bytes.length / 1048576).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxFileBytes / 1048576} MB are accepted.`, {
      sizeMb: (bytes.length / 1048576).toFixed(1),
      maxMb: IMPORT_LIMITS.maxFileBytes / 1048576,
    });
  }
  if (startsWith(bytes, OLE2)) {
    // An encrypted xlsx is an OLE2 container holding an "EncryptedPackage" stream; otherwise it is a legacy .xls.
    const encrypted = bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw encrypted
      ? importError('encrypted', 'The workbook is password-protected. Remove the password in Excel or WPS and import it again.')
      : importError('legacyXls', 'This is an old .xls workbook. Save it as .xlsx in Excel or WPS and import that.');
  }
  if (startsWith(bytes, ZIP_LOCAL)) {
    const zip = inspectZip(bytes);
    if (zip.encrypted) throw importError('encrypted', 'The workbook is password-protected. Remove the password in Excel or WPS and import it again.');
    if (zip.uncompressed > IMPORT_LIMITS.maxUncompressedBytes) {
      throw importError('tooLargeUncompressed', `The xlsx would unpack to ${Math.round(zip.uncompressed / 1048576)} MB; at most ${IMPORT_LIMITS.maxUncompressedBytes / 1048576} MB are accepted.`, {
        sizeMb: Math.round(zip.uncompressed / 1048576),
        maxMb: IMPORT_LIMITS.maxUncompressedBytes / 1048576,
      });
    }
    if (!bytes.includes(Buffer.from('xl/workbook.xml'))) throw importError('notSpreadsheet', 'This zip file is not an Excel workbook (.xlsx).', { name: fileName });
    return 'xlsx';
  }
  // Text: anything with NUL bytes that is not UTF-16 is binary (an image, a PDF, a program).
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || looksUtf16(head);
  if (!utf16 && head.includes(0)) throw importError('notSpreadsheet', 'This file is not a spreadsheet: choose an .xlsx or .csv file.', { name: fileName });
  if (/\.(pdf|docx?|png|jpe?g|gif|zip|rar|7z|exe)$/i.test(fileName)) throw importError('notSpreadsheet', 'This file is not a spreadsheet: choose an .xlsx or .csv file.', { name: fileName });
  return 'csv';
}

/** UTF-16 without a byte-order mark: text in which every other byte is zero (ASCII) or most are. */
export function looksUtf16(head: Uint8Array): 'le' | 'be' | false {
  if (head.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros += 1;
    if (head[i + 1] === 0) oddZeros += 1;
  }
  const pairs = Math.floor(head.length / 2);
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'be';
  return false;
}
