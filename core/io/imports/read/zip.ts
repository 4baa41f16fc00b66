// The parts of a zip (xlsx, ods) without a zip library: the central directory gives each part's
// place and declared sizes, checked against the file before anything is inflated; a part is then
// inflated in chunks by node's zlib and never beyond its declared size, so neither a zip bomb nor a
// lying directory makes the reader hold more than a chunk at a time.
import { crc32, createInflateRaw } from 'node:zlib';
import { importFileError, IMPORT_LIMITS, limitError } from './limits.js';

export interface ZipPart {
  /** The part's name as a path: forward slashes, no leading slash. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  encrypted: boolean;
  /** CRC-32 of the part's bytes, checked when it has been read. */
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the part's local header starts. */
  offset: number;
}

function damaged(detail: string): Error {
  return importFileError('damagedZip', `The file is damaged: ${detail}.`, { detail });
}

/** The end-of-central-directory record: within the last 22 + 65,535 (comment) bytes. */
function endRecord(bytes: Buffer): number {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i -= 1) if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  throw damaged('its zip directory is missing');
}

/** The central directory's entries, each checked to lie within the file. */
export function zipDirectory(bytes: Buffer): ZipPart[] {
  const end = endRecord(bytes);
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  // Zip64 (0xffff entries, 0xffffffff offsets) is far beyond any roster.
  if (entries === 0xffff || directoryOffset === 0xffffffff || entries > IMPORT_LIMITS.maxZipEntries) throw limitError('parts', entries, IMPORT_LIMITS.maxZipEntries);
  if (directoryOffset + directorySize > end) throw damaged('its zip directory points outside the file');
  const parts: ZipPart[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) throw damaged('a zip directory entry is unreadable');
    const nameLength = bytes.readUInt16LE(at + 28);
    const part: ZipPart = {
      // Some Windows tools write backslashes; a leading slash means the same part.
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/\\/g, '/').replace(/^\/+/, ''),
      encrypted: (bytes.readUInt16LE(at + 8) & 0x1) !== 0,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
    };
    if (part.offset + 30 + part.compressedSize > directoryOffset) throw damaged(`the part ${part.name} points outside the file`);
    // Two entries of one name (or names differing only in case, which a package treats as one) would
    // let the one read differ from the one checked.
    const key = part.name.toLowerCase();
    if (names.has(key)) throw damaged(`two parts are named ${part.name}`);
    names.add(key);
    total += part.size;
    if (total > IMPORT_LIMITS.maxUncompressedBytes) throw limitError('uncompressed', Math.round(total / 1048576), IMPORT_LIMITS.maxUncompressedBytes / 1048576);
    parts.push(part);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}

/** Where a part's data starts, after its local header, checked against the directory's entry. */
function dataStart(bytes: Buffer, part: ZipPart): number {
  const at = part.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw damaged(`the part ${part.name} is unreadable`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + part.compressedSize > bytes.length) throw damaged(`the part ${part.name} is cut short`);
  return start;
}

const CHUNK = 64 * 1024;

/** A part's bytes in chunks, inflated as they are read; more than its declared size is refused. */
export async function* partChunks(bytes: Buffer, part: ZipPart): AsyncGenerator<Buffer> {
  if (part.encrypted) throw importFileError('encrypted', 'The workbook is password-protected. Remove the password in Excel or WPS and import it again.');
  const start = dataStart(bytes, part);
  const data = bytes.subarray(start, start + part.compressedSize);
  let crc = 0;
  const checked = () => {
    if (crc >>> 0 !== part.crc >>> 0) throw damaged(`the part ${part.name} does not match its checksum`);
  };
  if (part.method === 0) {
    if (part.compressedSize !== part.size) throw damaged(`the part ${part.name} has inconsistent sizes`);
    for (let i = 0; i < data.length; i += CHUNK) {
      const chunk = data.subarray(i, i + CHUNK);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    checked();
    return;
  }
  if (part.method !== 8) throw damaged(`the part ${part.name} uses an unknown compression`);
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  // Fed in slices, so the inflater's output is pulled as it is made, never all at once.
  const feed = (async () => {
    for (let i = 0; i < data.length; i += CHUNK) {
      if (!inflater.write(data.subarray(i, i + CHUNK))) await new Promise<void>((resolve) => {
          inflater.once('drain', resolve);
          inflater.once('close', resolve);
        });
      if (inflater.destroyed) return;
    }
    inflater.end();
  })();
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > part.size) throw damaged(`the part ${part.name} unpacks to more than it declares`);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    if (produced !== part.size) throw damaged(`the part ${part.name} unpacks to less than it declares`);
    checked();
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Z_')) throw damaged(`the part ${part.name} cannot be unpacked`);
    throw error;
  } finally {
    inflater.destroy();
    await feed.catch(() => undefined);
  }
}
