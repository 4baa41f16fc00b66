// An import batch's fields, and its items': what an import did, so it can be undone as a whole.
import { z } from 'zod';
import { defineFields, label, stored } from '../../contract/fields.js';

export const importBatchFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  fileName: { kind: 'text', schema: stored.text, access: 'system', label: label('文件', 'File') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('导入时间', 'Imported at') },
  createdCount: { kind: 'integer', schema: stored.count, access: 'system', label: label('新增', 'Created') },
  updatedCount: { kind: 'integer', schema: stored.count, access: 'system', label: label('更新', 'Updated') },
  skippedCount: { kind: 'integer', schema: stored.count, access: 'system', label: label('跳过', 'Skipped') },
  rejectedCount: { kind: 'integer', schema: stored.count, access: 'system', label: label('未导入', 'Rejected') },
  undoneAt: { kind: 'timestamp', schema: stored.optionalText, access: 'system', label: label('撤销时间', 'Undone at') },
});

export const importBatchItemFields = defineFields({
  batchId: { kind: 'ref', schema: stored.id, access: 'system', label: label('批次', 'Batch') },
  organizationId: { kind: 'ref', schema: stored.id, access: 'system', label: label('成员单位', 'Member') },
  action: { kind: 'enum', schema: z.enum(['create', 'update']), access: 'system', label: label('操作', 'Action') },
  /** The member as it was before an update, put back by undo. */
  before: { kind: 'json', schema: z.unknown(), access: 'system', label: label('导入前', 'Before') },
});
