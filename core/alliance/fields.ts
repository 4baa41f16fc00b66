// The alliance profile's fields: one row per data file, the alliance the secretariat serves.
import { z } from 'zod';
import { ALLIANCE_LEVELS } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';

export const allianceFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  name: { kind: 'text', schema: requiredText(200), access: 'input', label: label('名称', 'Name') },
  shortName: { kind: 'text', schema: optionalText(100), access: 'input', label: label('简称', 'Short name') },
  level: {
    kind: 'enum',
    schema: z
      .enum(ALLIANCE_LEVELS)
      .nullish()
      .transform((v) => v ?? null),
    access: 'input',
    label: label('级别', 'Level'),
    labelsZh: { national: '国家级', provincial: '省级', municipal: '市级' },
  },
  foundingDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('成立日期', 'Founded on') },
  leadUnits: { kind: 'textList', schema: z.array(requiredText(200)).max(20).default([]), access: 'input', label: label('牵头单位', 'Lead units') },
  secretariatHost: { kind: 'text', schema: optionalText(200), access: 'input', label: label('秘书处所在单位', 'Secretariat host') },
  councilTerm: { kind: 'text', schema: optionalText(50), access: 'input', label: label('届次', 'Council term') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('修改时间', 'Changed') },
});

export type AllianceProfile = RecordOf<typeof allianceFields>;

/** Key–value settings of a data file (the agreement number pattern, remembered import mappings …). */
export const settingFields = defineFields({
  key: { kind: 'text', schema: stored.text, access: 'system', label: label('设置项', 'Setting') },
  value: { kind: 'text', schema: stored.text, access: 'system', label: label('值', 'Value') },
});
