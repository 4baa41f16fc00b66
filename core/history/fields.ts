// The change log's fields: every create, update and delete, written in the same transaction as the
// change itself, with the record as it was before and after.
import { z } from 'zod';
import { defineFields, label, stored } from '../contract/fields.js';

export const CHANGE_ENTITIES = ['organization', 'contact', 'alliance', 'agreement', 'event', 'talent', 'attachment', 'term', 'project', 'award'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];
export const CHANGE_ACTIONS = ['create', 'update', 'delete'] as const;

export const changeLogFields = defineFields({
  id: { kind: 'integer', schema: stored.count, access: 'system', label: label('序号', 'No.') },
  at: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('时间', 'At') },
  entity: { kind: 'enum', schema: z.enum(CHANGE_ENTITIES), access: 'system', label: label('记录类型', 'Kind of record') },
  entityId: { kind: 'ref', schema: stored.id, access: 'system', label: label('记录', 'Record') },
  action: { kind: 'enum', schema: z.enum(CHANGE_ACTIONS), access: 'system', label: label('操作', 'Action') },
  before: { kind: 'json', schema: z.unknown(), access: 'system', label: label('修改前', 'Before') },
  after: { kind: 'json', schema: z.unknown(), access: 'system', label: label('修改后', 'After') },
});
