// A stored file's fields: kept under its content hash in the data folder, named for display only.
import { z } from 'zod';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';

export const ATTACHMENT_OWNERS = ['agreement', 'event'] as const;

export const attachmentFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  ownerType: { kind: 'enum', schema: z.enum(ATTACHMENT_OWNERS), access: 'system', label: label('所属记录类型', 'Belongs to'), labelsZh: { agreement: '协议', event: '活动' } },
  ownerId: { kind: 'ref', schema: stored.id, access: 'system', label: label('所属记录', 'Record') },
  sha256: { kind: 'text', schema: stored.text, access: 'system', label: label('内容校验值', 'SHA-256') },
  fileName: { kind: 'text', schema: stored.text, access: 'system', label: label('文件名', 'File name') },
  mimeType: { kind: 'text', schema: stored.text, access: 'system', label: label('文件类型', 'Type') },
  size: { kind: 'integer', schema: stored.count, access: 'system', label: label('大小', 'Size') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('上传时间', 'Uploaded') },
});

export type Attachment = RecordOf<typeof attachmentFields>;
