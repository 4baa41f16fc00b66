// The attachment model bound to its table.
import { attachments } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { attachmentFields } from './fields.js';

export const attachmentModel = bindModel('attachment', attachments, attachmentFields);
