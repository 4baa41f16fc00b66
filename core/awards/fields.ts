// A plaque (授牌) to a unit or an appointment letter (聘书) to a person: numbered like agreements,
// with its title, date, validity and the meeting where it was given.
import { z } from 'zod';
import { AWARD_KIND_LABELS_ZH, AWARD_KINDS } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { isoDate, optionalDate, optionalText, requiredText } from '../contract/validation.js';

const optionalRef = z.string().uuid().nullish().transform((v) => v ?? null);

export const awardFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  kind: { kind: 'enum', schema: z.enum(AWARD_KINDS), access: 'input', label: label('类别', 'Kind'), labelsZh: AWARD_KIND_LABELS_ZH },
  /** Blank: the next number, 2026-授牌-001 or 2026-聘-001. */
  number: { kind: 'text', schema: optionalText(60), value: z.string(), access: 'input', label: label('证书编号', 'Number') },
  title: { kind: 'text', schema: requiredText(100), access: 'input', label: label('名称/聘任职务', 'Title') },
  organizationId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('单位', 'Unit') },
  personName: { kind: 'text', schema: optionalText(50), access: 'input', label: label('受聘人', 'Appointee') },
  date: { kind: 'date', schema: isoDate.refine((d) => d >= '1990-01-01' && d <= '2100-12-31', { params: { key: 'validation.dateRange' }, message: 'A date between 1990 and 2100.' }), access: 'input', label: label('授予日期', 'Given on') },
  validUntil: { kind: 'date', schema: optionalDate, access: 'input', label: label('有效期至', 'Valid until') },
  eventId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('授予活动', 'Given at') },
  notes: { kind: 'text', schema: optionalText(2000), access: 'input', label: label('备注', 'Notes') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('修改时间', 'Changed') },
});

export type AwardRecord = RecordOf<typeof awardFields>;
