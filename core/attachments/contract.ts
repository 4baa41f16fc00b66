// Scanned agreements and other files of an agreement or an event.
import { z } from 'zod';
import { defineMethods, returns } from '../contract/method.js';
import type { FileContent } from '../io/exports/contract.js';
import { ATTACHMENT_OWNERS, type Attachment } from './fields.js';

export type { Attachment };

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const byId = z.strictObject({ id: z.string().uuid() });

export const attachmentAddInput = z.strictObject({
  ownerType: z.enum(ATTACHMENT_OWNERS),
  ownerId: z.string().uuid(),
  fileName: z.string().max(1000),
  /** The file's bytes, base64: the UI sends content, never a path. */
  // Loose here; the attachment store measures the decoded size and names the limit.
  contentBase64: z.string().max(MAX_ATTACHMENT_BYTES * 2),
});
export type AttachmentAddInput = z.output<typeof attachmentAddInput>;

export const attachmentMethods = defineMethods({
  'attachments.add': {
    doc: 'Stores a file (sent as base64, never as a path) inside the data folder under its content hash.',
    input: attachmentAddInput,
    result: returns<Attachment>(),
    access: 'write',
    changes: ['attachment'],
  },
  'attachments.read': { doc: 'A stored file, for the shell to save or open.', input: byId, result: returns<FileContent>(), access: 'read', reads: ['attachment'] },
  'attachments.remove': { doc: 'Removes a file from its record.', input: byId, result: returns<{ id: string }>(), access: 'write', changes: ['attachment'] },
});
