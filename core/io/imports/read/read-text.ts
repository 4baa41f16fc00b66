// Text spreadsheets (csv, tab-separated) in the encodings clerks' files come in: UTF-8 with or
// without a BOM, UTF-16 with or without one (Excel's "Unicode text"), and GB18030/GBK (Excel and
// WPS on Chinese Windows save csv this way; node's full ICU decodes it). A file that is UTF-8 but
// for a few bad bytes is refused naming the first one, never read as another encoding.
import type { TextEncoding } from '../file-kinds.js';
import { GridBuilder, TextBudget, type SheetGrid } from './grid.js';
import { columnLetters, importFileError, IMPORT_LIMITS, limitError } from './limits.js';
import type { SheetSource } from './sheets.js';

export type { TextEncoding };

const SEPARATORS = new Set([0x0a, 0x0d, 0x2c, 0x09, 0x22, 0x3b]);

/**
 * UTF-16 without a byte-order mark: a csv's line breaks, separators and quotes are ASCII, so in
 * UTF-16 they sit beside a zero byte (after it in big-endian, before it in little-endian) at even
 * offsets, where neither UTF-8 nor GB18030 ever has a zero byte at all.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = Math.min(bytes.length, 65536) & ~1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i + 1] === 0 && SEPARATORS.has(bytes[i]!)) le += 1;
    else if (bytes[i] === 0 && SEPARATORS.has(bytes[i + 1]!)) be += 1;
  }
  if (le > 0 && be === 0) return 'le';
  if (be > 0 && le === 0) return 'be';
  return null;
}

/** Where UTF-8 breaks: the valid multi-byte sequences and the first invalid byte. */
function utf8Scan(bytes: Uint8Array): { valid: number; invalid: number; first: number } {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    // Overlong three-byte forms and surrogates are not UTF-8 either.
    if (ok && b === 0xe0 && bytes[i + 1]! < 0xa0) ok = false;
    if (ok && b === 0xed && bytes[i + 1]! > 0x9f) ok = false;
    if (ok && b === 0xf0 && bytes[i + 1]! < 0x90) ok = false;
    if (ok && b === 0xf4 && bytes[i + 1]! > 0x8f) ok = false;
    if (ok) {
      valid += 1;
      i += need + 1;
    } else {
      if (first < 0) first = i;
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid, first };
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3), 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictUtf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictUtf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const utf16 = bytes.includes(0) ? utf16WithoutBom(bytes) : null;
  if (utf16) return { text: strictUtf16(bytes, utf16 === 'le' ? 'utf-16le' : 'utf-16be'), encoding: utf16 === 'le' ? 'utf-16le' : 'utf-16be' };
  const scan = utf8Scan(bytes);
  if (scan.invalid === 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  // GBK text makes a valid UTF-8 sequence only now and then, and many invalid ones; UTF-8 text with
  // a damaged byte has hundreds of valid sequences and one or two bad ones.
  if (scan.valid >= 8 && scan.valid >= scan.invalid * 10) throw invalidUtf8(bytes, scan.first, 0);
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/** UTF-16 with a half of a character pair alone is damaged, not read with a replacement character. */
function strictUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw importFileError('invalidUtf16', 'The file is UTF-16 but has a broken character (half of a pair, or an odd last byte). Save the file again and import it.');
  }
}

function strictUtf8(bytes: Uint8Array, skipped: number): string {
  const scan = utf8Scan(bytes);
  if (scan.invalid > 0) throw invalidUtf8(bytes, scan.first, skipped);
  return new TextDecoder('utf-8').decode(bytes);
}

function invalidUtf8(bytes: Uint8Array, offset: number, skipped: number): Error {
  const line = lineOf(bytes, offset);
  const byte = offset + skipped + 1;
  const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return importFileError('invalidUtf8', `The file is UTF-8 but line ${line} has a byte that is not (byte ${byte} of the file, 0x${hex}). Correct that line, or save the file again as UTF-8, and import it again.`, { line, byte, hex });
}

/** The separator used in the first lines outside quotes: comma, tab or semicolon. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let quoted = false;
  const end = Math.min(text.length, 8192);
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

/** RFC 4180 rows into a bounded grid: quoted fields may hold separators, quotes ("") and line breaks. */
export function parseDelimited(text: string, sheet = 'csv'): SheetGrid {
  const delimiter = detectDelimiter(text);
  const grid = new GridBuilder(sheet, new TextBudget());
  let row = 0;
  let column = 0;
  let field = '';
  let quoted = false;
  const flush = () => {
    grid.set(row, column, field);
    field = '';
  };
  // A field is checked as it grows: one stray quote must not gather the rest of a 20 MB file first.
  const grown = () => {
    if (field.length > IMPORT_LIMITS.maxCellChars) throw limitError('cellText', `${columnLetters(column)}${row + 1}`, IMPORT_LIMITS.maxCellChars, sheet);
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      // Up to the next quote in one slice.
      const next = text.indexOf('"', i);
      if (next < 0) {
        field += text.slice(i);
        grown();
        i = text.length;
        continue;
      }
      field += text.slice(i, next);
      if (text[next + 1] === '"') {
        field += '"';
        i = next + 1;
      } else {
        quoted = false;
        i = next;
      }
      grown();
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      flush();
      column += 1;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      flush();
      row += 1;
      column = 0;
    } else {
      // Unquoted runs are taken whole: one slice instead of a character at a time.
      const fieldStart = i;
      while (i + 1 < text.length && text[i + 1] !== delimiter && text[i + 1] !== '\n' && text[i + 1] !== '\r' && text[i + 1] !== '"') i += 1;
      field += text.slice(fieldStart, i + 1);
      grown();
    }
  }
  if (field !== '' || column > 0) flush();
  return grid.finish();
}

export function textSheets(bytes: Buffer): { encoding: TextEncoding; sheets: SheetSource[] } {
  const { text, encoding } = decodeText(bytes);
  return { encoding, sheets: [{ name: 'csv', hidden: false, read: async () => parseDelimited(text) }] };
}
