// The exchange's own tables as field models: what this copy knows of its clocks, its partners, the
// values merges replaced, the files read and the ids merged away. Set by the app alone.
import { z } from 'zod';
import { defineFields, label, stored } from '../contract/fields.js';

const clock = { kind: 'text', schema: stored.text, access: 'system', label: label('时钟', 'Clock') } as const;

export const syncClockFields = defineFields({
  tbl: { kind: 'text', schema: stored.text, access: 'system', label: label('表', 'Table') },
  pk: { kind: 'ref', schema: stored.id, access: 'system', label: label('记录', 'Record') },
  col: { kind: 'text', schema: stored.text, access: 'system', label: label('字段', 'Field') },
  hlc: clock,
  alive: { kind: 'integer', schema: stored.count, access: 'system', label: label('存在', 'Alive') },
});

export const syncPartnerFields = defineFields({
  replica: { kind: 'text', schema: stored.text, access: 'system', label: label('副本', 'Replica') },
  label: { kind: 'text', schema: stored.text, access: 'system', label: label('名称', 'Name') },
  seen: { kind: 'json', schema: z.record(z.string(), z.string()), access: 'system', label: label('已见', 'Seen') },
  lastImportAt: { kind: 'timestamp', schema: stored.timestamp.nullable(), access: 'system', label: label('最近合并', 'Last merged') },
  lastExportAt: { kind: 'timestamp', schema: stored.timestamp.nullable(), access: 'system', label: label('最近导出', 'Last exported') },
});

export const syncLoserFields = defineFields({
  id: { kind: 'integer', schema: stored.count, access: 'system', label: label('序号', 'No.') },
  at: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('合并时间', 'Merged at') },
  exchangeId: { kind: 'ref', schema: stored.id, access: 'system', label: label('合并', 'Merge') },
  tbl: { kind: 'text', schema: stored.text, access: 'system', label: label('表', 'Table') },
  pk: { kind: 'ref', schema: stored.id, access: 'system', label: label('记录', 'Record') },
  col: { kind: 'text', schema: stored.text, access: 'system', label: label('字段', 'Field') },
  value: { kind: 'json', schema: z.unknown(), access: 'system', label: label('被替换的值', 'Replaced value') },
  hlc: clock,
  replica: { kind: 'text', schema: stored.text, access: 'system', label: label('副本', 'Replica') },
});

export const syncFileReadFields = defineFields({
  sha256: { kind: 'text', schema: stored.text, access: 'system', label: label('校验和', 'Checksum') },
  replica: { kind: 'text', schema: stored.text, access: 'system', label: label('副本', 'Replica') },
  readAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('合并时间', 'Merged at') },
});

export const syncAliasFields = defineFields({
  tbl: { kind: 'text', schema: stored.text, access: 'system', label: label('表', 'Table') },
  fromPk: { kind: 'ref', schema: stored.id, access: 'system', label: label('合并掉的记录', 'Merged-away record') },
  toPk: { kind: 'ref', schema: stored.id, access: 'system', label: label('保留的记录', 'Record kept') },
  hlc: { ...clock, label: label('合并时间', 'Merged at') },
});
