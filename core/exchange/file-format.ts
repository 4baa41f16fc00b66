// The exchange file: a first line naming the format, a header line (who wrote it, for whom, what it
// holds, the body's checksum and size), then the body, gzip-compressed JSON. Everything is checked
// before any of it is used: the name (a foreign file), the version (a newer app's file), the checksum
// (a damaged copy), the sizes (a file that would unpack to gigabytes), then every row's shape.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { HLC, parseClock } from '../../db/exchange-clock.js';
import { REPLICATED_TABLES } from '../../db/exchange-tables.js';
import { AppError } from '../contract/errors.js';

export const EXCHANGE_MAGIC = 'ALLIANCE-EXCHANGE';
export const EXCHANGE_VERSION = 1;
/**
 * Bounds on what a file may hold, checked before it is unpacked or parsed. 24 MB: what the browser
 * shell's request limit (32 MB) carries as base64; records compress about tenfold, so the body's 256 MB
 * of JSON is what such a file can honestly hold (some 400,000 records).
 */
export const EXCHANGE_LIMITS = { fileBytes: 24 * 1024 * 1024, headerBytes: 64 * 1024, bodyBytes: 256 * 1024 * 1024, rows: 2_000_000, files: 20_000 };

const clock = z.string().regex(HLC);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How far ahead of this computer's clock another's may be (a laptop set wrong by hours, not years). */
export const CLOCK_SKEW_MS = 7 * 24 * 3600 * 1000;
const replica = z.string().regex(/^[0-9a-f]{32}$/);
const cell = z.union([z.string().max(1_000_000), z.number(), z.null()]);

export const exchangeHeader = z.object({
  format: z.literal(EXCHANGE_MAGIC),
  version: z.number().int().min(1),
  replica,
  label: z.string().max(300),
  createdAt: z.string().max(40),
  /** What the writer had seen of every replica when it wrote the file. */
  // A secretariat has a few laptops: a vector of hundreds of replicas is not one of ours.
  seen: z.record(replica, clock).refine((r) => Object.keys(r).length <= 200),
  /** The partner it was written for (null: everything). */
  partner: replica.nullable(),
  holds: z.record(z.string().max(40), z.number().int().min(0)),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  bodyBytes: z.number().int().min(0).max(EXCHANGE_LIMITS.bodyBytes),
});
export type ExchangeHeader = z.infer<typeof exchangeHeader>;

export const exchangeRow = z.strictObject({
  t: z.enum(REPLICATED_TABLES),
  id: z.string().min(1).max(100),
  alive: z.boolean(),
  /** The row's clock: its creation when alive, its deletion when not. */
  c: clock,
  /** Its exchanged columns as stored (alive rows). */
  v: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), cell).nullable(),
  /** The fields changed since the row's creation, with their clocks. */
  k: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), clock),
});
export type ExchangeRow = z.infer<typeof exchangeRow>;

const exchangeBody = z.strictObject({
  rows: z.array(exchangeRow).max(EXCHANGE_LIMITS.rows),
  // A merged duplicate always keeps the smaller id: an alias pointing upwards is not one this app made.
  aliases: z
    .array(z.strictObject({ t: z.enum(REPLICATED_TABLES), from: z.string().regex(UUID), to: z.string().regex(UUID), at: clock }).refine((a) => a.to < a.from, 'An alias names the smaller id.'))
    .max(EXCHANGE_LIMITS.rows),
  files: z.array(z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string().max(EXCHANGE_LIMITS.fileBytes * 2) })).max(EXCHANGE_LIMITS.files),
});
export type ExchangeBody = z.infer<typeof exchangeBody>;

export interface ExchangeFile {
  header: ExchangeHeader;
  body: ExchangeBody;
  /** Of the whole file: the same file read twice is known by it. */
  sha256: string;
  /** The newest clock in it: the reader's clock moves past it. */
  newest: string;
}

function refuse(key: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('EXCHANGE_FILE', message, { key, params });
}

export function writeExchangeFile(header: Omit<ExchangeHeader, 'format' | 'version' | 'bodySha256' | 'bodyBytes'>, body: ExchangeBody): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const packed = gzipSync(json, { level: 6 });
  const full: ExchangeHeader = { format: EXCHANGE_MAGIC, version: EXCHANGE_VERSION, ...header, bodySha256: createHash('sha256').update(packed).digest('hex'), bodyBytes: json.length };
  return Buffer.concat([Buffer.from(`${EXCHANGE_MAGIC}\n${JSON.stringify(full)}\n`, 'utf8'), packed]);
}

/** The newest clock a file names anywhere; one from the far future would outrank every later change. */
function newestClock(header: ExchangeHeader, body: ExchangeBody): string {
  let newest = '';
  const see = (c: string) => {
    if (c > newest) newest = c;
  };
  Object.values(header.seen).forEach(see);
  for (const row of body.rows) {
    see(row.c);
    Object.values(row.k).forEach(see);
  }
  body.aliases.forEach((a) => see(a.at));
  return newest;
}

export function readExchangeFile(bytes: Buffer, now = Date.now()): ExchangeFile {
  if (bytes.length > EXCHANGE_LIMITS.fileBytes) throw refuse('errors.exchangeTooLarge', `An exchange file is at most ${EXCHANGE_LIMITS.fileBytes} bytes.`, { limit: EXCHANGE_LIMITS.fileBytes });
  const magic = Buffer.from(`${EXCHANGE_MAGIC}\n`, 'utf8');
  if (bytes.length === 0) throw refuse('errors.exchangeEmpty', 'The file is empty (0 bytes): it was not saved or copied completely.');
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic)) throw refuse('errors.exchangeForeign', 'This is not an exchange file of this app.');
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > EXCHANGE_LIMITS.headerBytes) throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its header is cut off).');
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.subarray(magic.length, end).toString('utf8'));
  } catch {
    throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its header cannot be read).');
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > EXCHANGE_VERSION) {
    throw refuse('errors.exchangeNewer', `This exchange file was written by a newer version of the app (format ${version}); update the app to merge it.`, { version });
  }
  const header = exchangeHeader.safeParse(raw);
  if (!header.success) throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its header is not valid).');
  const packed = bytes.subarray(end + 1);
  if (createHash('sha256').update(packed).digest('hex') !== header.data.bodySha256) throw refuse('errors.exchangeDamaged', 'The exchange file is damaged: its checksum does not match (copied incompletely?).');
  let json: Buffer;
  try {
    // The declared size bounds the unpacking: a small file that would unpack to gigabytes stops here.
    json = gunzipSync(packed, { maxOutputLength: Math.max(1, header.data.bodyBytes) });
  } catch {
    throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its body cannot be unpacked).');
  }
  if (json.length !== header.data.bodyBytes) throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its body has the wrong size).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw refuse('errors.exchangeDamaged', 'The exchange file is damaged (its body cannot be read).');
  }
  const body = exchangeBody.safeParse(parsed);
  if (!body.success) {
    const issue = body.error.issues[0];
    throw refuse('errors.exchangeInvalid', `The exchange file holds a record this app cannot take (${issue?.path.join('.') ?? ''}).`, { where: issue?.path.join('.') ?? '' });
  }
  const newest = newestClock(header.data, body.data);
  if (newest && parseClock(newest).millis > now + CLOCK_SKEW_MS) {
    const at = new Date(parseClock(newest).millis).toISOString().slice(0, 10);
    throw refuse('errors.exchangeFuture', `The exchange file was written by a computer whose clock is wrong (it says ${at}); set its date and make the file again.`, { at });
  }
  return { header: header.data, body: body.data, sha256: createHash('sha256').update(bytes).digest('hex'), newest };
}
