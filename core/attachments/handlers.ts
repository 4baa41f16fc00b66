// Attachments' methods, implemented.
import { implement } from '../contract/handlers.js';
import { addAttachment, readAttachment, removeAttachment } from './attachments.js';
import { attachmentMethods } from './contract.js';

export const attachmentHandlers = implement(attachmentMethods, {
  'attachments.add': (input, { ctx }) => addAttachment(ctx, input),
  'attachments.read': (input, { ctx }) => readAttachment(ctx, input.id),
  'attachments.remove': (input, { ctx }) => removeAttachment(ctx, input.id),
});
