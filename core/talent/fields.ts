// A talent supply or demand item (人才供需) a member publishes, optionally released at an event.
import { z } from 'zod';
import { TALENT_DIRECTIONS } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { optionalText, requiredText } from '../contract/validation.js';

const ref = z.string().uuid();

export const talentFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  organizationId: { kind: 'ref', schema: ref, access: 'input', label: label('发布单位', 'Published by') },
  eventId: { kind: 'ref', schema: ref.nullish().transform((v) => v ?? null), access: 'input', label: label('发布活动', 'Released at') },
  direction: { kind: 'enum', schema: z.enum(TALENT_DIRECTIONS), access: 'input', label: label('供需', 'Direction'), labelsZh: { supply: '供给', demand: '需求' } },
  field: { kind: 'text', schema: requiredText(200), access: 'input', label: label('专业/领域', 'Field / major') },
  level: { kind: 'text', schema: optionalText(50), access: 'input', label: label('层次', 'Level') },
  headcount: {
    kind: 'integer',
    schema: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullish()
      .transform((v) => v ?? null),
    access: 'input',
    label: label('人数', 'Headcount'),
  },
  period: { kind: 'text', schema: optionalText(100), access: 'input', label: label('时间', 'Period') },
  notes: { kind: 'text', schema: optionalText(2000), access: 'input', label: label('备注', 'Notes') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('修改时间', 'Changed') },
});

export type TalentRecord = RecordOf<typeof talentFields>;
