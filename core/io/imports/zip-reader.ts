// Reading the parts of an xlsx (a zip) without a zip library: the central directory gives each part's
// place and sizes, node's zlib inflates it. Used both to check a file before reading it (entry count,
// declared sizes, encryption) and to read the parts of one that passed.
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../contract/errors.js';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts. */
  offset: number;
}

function damaged(message: string): AppError {
  return new AppError('IMPORT_FILE', `The xlsx file is damaged: ${message}.`, { key: 'import.file.damagedZip' });
}

/** The central directory's entries, from the end-of-central-directory record. */
export function zipDirectory(bytes: Buffer, maxEntries: number): ZipPart[] {
  // The end record sits in the last 22 + up to 65,535 (comment) bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged('its zip directory is missing');
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff || entries > maxEntries) {
    // Zip64 is far beyond any roster.
    throw new AppError('IMPORT_FILE', `The xlsx file has ${entries} parts; at most ${maxEntries} are accepted.`, { key: 'import.file.tooManyParts', params: { max: maxEntries } });
  }
  if (directoryOffset + directorySize > bytes.length) throw damaged('its zip directory points outside the file');
  const parts: ZipPart[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw damaged('a zip directory entry is unreadable');
    const nameLength = bytes.readUInt16LE(at + 28);
    parts.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      encrypted: (bytes.readUInt16LE(at + 8) & 0x1) !== 0,
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's bytes, never more than its declared size (a part that inflates further is refused). */
export function readZipPart(bytes: Buffer, part: ZipPart): Buffer {
  const at = part.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw damaged(`the part ${part.name} is unreadable`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + part.compressedSize);
  if (part.method === 0) return data;
  if (part.method !== 8) throw damaged(`the part ${part.name} uses an unknown compression`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, part.size) });
  } catch {
    throw damaged(`the part ${part.name} cannot be unpacked`);
  }
}
