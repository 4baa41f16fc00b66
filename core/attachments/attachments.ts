// Attachment store: files live inside the data folder under their SHA-256, never at a path the UI
// gave; the original name is kept for display only. Bytes are written before the row (content-
// addressed, so a crash leaves at most an unreferenced file), and unlinked after the row is gone.
import { createHash, randomUUID } from 'node:crypto';
import { newRecordId } from '../records/ids.js';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { agreements, attachments, events } from '../../db/schema.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import { AppError, fieldError } from '../contract/errors.js';
import { MAX_ATTACHMENT_BYTES, type AttachmentAddInput } from './contract.js';
import { attachmentModel } from './attachment-model.js';
import type { FileContent } from '../io/exports/contract.js';
import type { Attachment } from './fields.js';
import { decodeBase64 } from '../io/base64.js';

export type OwnerType = Attachment['ownerType'];

const RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ofd': 'application/ofd',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/**
 * The name shown for a file: its last path component only, without control or reserved characters.
 * Refuses names that are empty or reserved on Windows (CON, NUL, COM1 …) after that.
 */
export function displayFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    // Control characters are exactly what must go; Windows also forbids the rest.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .trim()
    .replace(/[. ]+$/, '');
  if (!cleaned || cleaned === '.' || cleaned === '..' || RESERVED_NAMES.test(cleaned)) {
    throw fieldError('fileName', { key: 'validation.fileName', params: { name: raw.slice(0, 100) }, message: 'This file name cannot be used; rename the file and try again.' });
  }
  if (cleaned.length <= 200) return cleaned;
  const ext = path.extname(cleaned).slice(0, 20);
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export function storedPath(ctx: ServiceContext, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('INTERNAL', 'Bad attachment hash.');
  return path.join(ctx.attachmentsDir, sha256.slice(0, 2), sha256);
}

function writeContent(ctx: ServiceContext, bytes: Buffer, sha256: string): void {
  const target = storedPath(ctx, sha256);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Write beside, then rename: a half-written file never carries the final name.
  const temporary = `${target}.${randomUUID()}.part`;
  fs.writeFileSync(temporary, bytes, { flush: true });
  fs.renameSync(temporary, target);
}

function toAttachment(row: typeof attachments.$inferSelect): Attachment {
  return attachmentModel.toRecord(row);
}

export function attachmentsOf(ctx: ServiceContext, ownerType: OwnerType, ownerId: string): Attachment[] {
  return ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(attachments.createdAt)
    .all()
    .map(toAttachment);
}

function ownerExists(ctx: ServiceContext, ownerType: OwnerType, ownerId: string): boolean {
  const table = ownerType === 'agreement' ? agreements : events;
  return Boolean(ctx.db.select({ id: table.id }).from(table).where(eq(table.id, ownerId)).get());
}

export function addAttachment(ctx: ServiceContext, input: AttachmentAddInput): Attachment {
  const fileName = displayFileName(input.fileName);
  const bytes = decodeBase64(input.contentBase64, 'contentBase64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw fieldError('contentBase64', {
      key: 'validation.attachmentTooLarge',
      params: { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
      message: `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
    });
  }
  if (bytes.length === 0) throw fieldError('contentBase64', { key: 'validation.fileEmpty', message: 'The file is empty.' });
  if (!ownerExists(ctx, input.ownerType, input.ownerId)) throw new AppError('NOT_FOUND', 'The record to attach to does not exist.', { key: 'errors.notFound' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeContent(ctx, bytes, sha256);
  return ctx.sqlite.transaction(() => {
    const row = {
      id: newRecordId(),
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      sha256,
      fileName,
      mimeType: MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream',
      size: bytes.length,
      createdAt: nowIso(ctx),
    };
    ctx.db.insert(attachments).values(row).run();
    recordChange(ctx, 'attachment', row.id, 'create', null, row);
    return toAttachment(row);
  })();
}

function findAttachment(ctx: ServiceContext, id: string): Attachment {
  const row = ctx.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'No such attachment.', { key: 'errors.notFound' });
  return toAttachment(row);
}

export function readAttachment(ctx: ServiceContext, id: string): FileContent {
  const attachment = findAttachment(ctx, id);
  const file = storedPath(ctx, attachment.sha256);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'The attachment’s file is missing from the data folder.', { key: 'errors.attachmentMissing' });
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, bytes: fs.readFileSync(file).toString('base64') };
}

/** Unlinks the files of these hashes that no row refers to any more; call after the transaction. */
function unlinkUnreferenced(ctx: ServiceContext, hashes: string[]): void {
  for (const sha256 of new Set(hashes)) {
    const still = ctx.db.select({ n: sql<number>`count(*)` }).from(attachments).where(eq(attachments.sha256, sha256)).get()!.n;
    if (still === 0) fs.rmSync(storedPath(ctx, sha256), { force: true });
  }
}

/**
 * Inside the transaction that deletes their owner: removes the attachment rows, logged, but keeps the
 * files, so that restoring the owner from its history brings its attachments back too.
 */
export function deleteAttachmentsOf(ctx: ServiceContext, ownerType: OwnerType, ownerId: string): void {
  const rows = attachmentsOf(ctx, ownerType, ownerId);
  for (const row of rows) recordChange(ctx, 'attachment', row.id, 'delete', row, null);
  ctx.db.delete(attachments).where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId))).run();
}

/** The file of a hash back in the folder from the backups' store, if a backup kept it; false if none did. */
function fileFromBackups(ctx: ServiceContext, sha256: string): boolean {
  if (!ctx.backupFilesDir) return false;
  const kept = path.join(ctx.backupFilesDir, sha256.slice(0, 2), sha256);
  if (!fs.existsSync(kept)) return false;
  const bytes = fs.readFileSync(kept);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return false;
  writeContent(ctx, bytes, sha256);
  return true;
}

/**
 * Puts back attachment rows from the snapshots their owner's change-log entry holds (never found by
 * time), when their files are in the folder or a kept backup still has them.
 */
export function restoreAttachments(ctx: ServiceContext, snapshots: Attachment[]): number {
  let restored = 0;
  for (const snapshot of snapshots) {
    if (!fs.existsSync(storedPath(ctx, snapshot.sha256)) && !fileFromBackups(ctx, snapshot.sha256)) continue;
    ctx.db.insert(attachments).values(snapshot).onConflictDoNothing().run();
    recordChange(ctx, 'attachment', snapshot.id, 'create', null, snapshot);
    restored++;
  }
  return restored;
}

export function removeAttachment(ctx: ServiceContext, id: string): { id: string } {
  const removed = ctx.sqlite.transaction(() => {
    const attachment = findAttachment(ctx, id);
    ctx.db.delete(attachments).where(eq(attachments.id, id)).run();
    recordChange(ctx, 'attachment', id, 'delete', attachment, null);
    return attachment;
  })();
  unlinkUnreferenced(ctx, [removed.sha256]);
  return { id };
}
