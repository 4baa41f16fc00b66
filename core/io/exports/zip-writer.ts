// A minimal zip writer for the Office files we write (xlsx, docx): deflated entries, no zip64 (our
// files stay far below 4 GB). Written here rather than through a zip library because an entry's text
// can be fed in pieces and compressed as it comes: a 100,000-row worksheet is never one string, and
// node's zlib is several times faster than the JavaScript deflate the zip libraries use.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's text, whole or as pieces (a generator keeps a large part from being held at once). */
  text: string | Iterable<string>;
}

/** A binary entry (an image in a document): its bytes as they are. */
export interface ZipBinaryEntry {
  name: string;
  bytes: Uint8Array;
}

/** Bytes gathered before a piece is compressed: large enough that the dictionary lost at each piece's
 * boundary costs nothing measurable, small enough to keep memory flat. */
const PIECE = 1 << 22;

function dosDateTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** Deflates text given in pieces. Each piece is its own raw deflate stream ended by a sync flush (no
 * final bit), and the last by a finish: concatenated, they are one valid deflate stream. */
function deflatePieces(text: string | Iterable<string> | Uint8Array, level: number) {
  const parts: Buffer[] = [];
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  // Pieces are encoded straight into one reused buffer: joining them first and encoding the result
  // cost more than the compression.
  let buffer = Buffer.allocUnsafe(PIECE);
  let used = 0;
  const flush = (final: boolean) => {
    const raw = buffer.subarray(0, used);
    crc = crc32(raw, crc);
    size += used;
    const compressed = deflateRawSync(raw, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    parts.push(compressed);
    compressedSize += compressed.length;
    used = 0;
  };
  if (text instanceof Uint8Array) {
    const compressed = deflateRawSync(text, { level });
    return { parts: [compressed], crc: crc32(text, 0), size: text.length, compressedSize: compressed.length };
  }
  for (const piece of typeof text === 'string' ? [text] : text) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + piece.length * 3 > buffer.length) {
      if (used > 0) flush(false);
      if (piece.length * 3 > buffer.length) buffer = Buffer.allocUnsafe(piece.length * 3);
    }
    used += buffer.write(piece, used, 'utf8');
  }
  flush(true);
  return { parts, crc, size, compressedSize };
}

export function zipOf(entries: (ZipEntry | ZipBinaryEntry)[], options: { level?: number; modified?: Date } = {}): Buffer {
  const level = options.level ?? 6;
  const { time, date } = dosDateTime(options.modified ?? new Date());
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { parts, crc, size, compressedSize } = deflatePieces('bytes' in entry ? entry.bytes : entry.text, level);
    if (size >= 0xffffffff || offset + compressedSize >= 0xffffffff) throw new Error('zip entry too large');
    // The local header and the directory entry share this run of fields, at different offsets.
    const describe = (header: Buffer, at: number) => {
      header.writeUInt16LE(0x0800, at); // names are UTF-8
      header.writeUInt16LE(8, at + 2); // deflate
      header.writeUInt16LE(time, at + 4);
      header.writeUInt16LE(date, at + 6);
      header.writeUInt32LE(crc >>> 0, at + 8);
      header.writeUInt32LE(compressedSize, at + 12);
      header.writeUInt32LE(size, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30); // the extra field's length stays 0
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    describe(local, 6);
    body.push(local, name, ...parts);

    const central = Buffer.alloc(46); // extra, comment, disk and attributes stay 0
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    describe(central, 8);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + compressedSize;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, ...directory, end]);
}
