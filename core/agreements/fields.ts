// An agreement's fields and its parties' fields (合作协议 and 签约方).
import { z } from 'zod';
import { AGREEMENT_STATUSES, AGREEMENT_TYPE_LABELS_ZH, AGREEMENT_TYPES } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';

const ref = z.string().uuid();
const optionalRef = ref.nullish().transform((v) => v ?? null);
const STATUS_LABELS_ZH = { draft: '拟签', signed: '已签署', terminated: '已终止' };

export const partyFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  agreementId: { kind: 'ref', schema: stored.id, access: 'internal', label: label('协议', 'Agreement') },
  organizationId: { kind: 'ref', schema: ref, access: 'input', label: label('签约单位', 'Party') },
  position: { kind: 'integer', schema: stored.count, access: 'internal', label: label('顺序', 'Position') },
  /** Blank: 甲方, 乙方 … by position. */
  label: { kind: 'text', schema: optionalText(10), value: z.string(), access: 'input', label: label('称谓', 'Label') },
  signatoryName: { kind: 'text', schema: optionalText(50), access: 'input', label: label('签约代表', 'Signed by') },
  signatoryTitle: { kind: 'text', schema: optionalText(100), access: 'input', label: label('代表职务', 'Title') },
  sealAffixed: { kind: 'boolean', schema: z.boolean().default(false), access: 'input', label: label('已盖章', 'Sealed') },
});

export const agreementFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  /** Blank: the next number from the pattern. */
  number: { kind: 'text', schema: optionalText(60), value: z.string(), access: 'input', label: label('协议编号', 'Number') },
  title: { kind: 'text', schema: requiredText(300), access: 'input', label: label('协议名称', 'Title') },
  /** Omitted: suggested from the parties' categories. */
  type: {
    kind: 'enum',
    schema: z.enum(AGREEMENT_TYPES).optional(),
    value: z.enum(AGREEMENT_TYPES),
    access: 'input',
    label: label('协议类型', 'Type'),
    labelsZh: AGREEMENT_TYPE_LABELS_ZH,
  },
  status: { kind: 'enum', schema: z.enum(AGREEMENT_STATUSES).default('draft'), access: 'input', label: label('签署状态', 'Status'), labelsZh: STATUS_LABELS_ZH },
  signedDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('签订日期', 'Signed on') },
  place: { kind: 'text', schema: optionalText(200), access: 'input', label: label('签订地点', 'Place') },
  eventId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('签约活动', 'Signing event') },
  effectiveDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('生效日期', 'Effective from') },
  endDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('到期日期', 'Ends on') },
  termYears: {
    kind: 'integer',
    schema: z
      .number()
      .int()
      .min(1)
      .max(50)
      .nullish()
      .transform((v) => v ?? null),
    access: 'input',
    label: label('期限（年）', 'Term (years)'),
  },
  /** The last day in force: end date, or the day before effective/signed date + term. */
  expiresOn: { kind: 'date', schema: stored.optionalText, access: 'system', label: label('有效期至', 'Valid until') },
  terminatedDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('终止日期', 'Terminated on') },
  summary: { kind: 'text', schema: optionalText(4000), access: 'input', label: label('合作内容摘要', 'Summary of cooperation') },
  tags: { kind: 'textList', schema: z.array(requiredText(30)).max(30).default([]), access: 'input', label: label('合作内容标签', 'Tags') },
  amendsId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('续签/变更自', 'Renews or amends') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('修改时间', 'Changed') },
});

export type AgreementRecord = RecordOf<typeof agreementFields>;
export type PartyRecord = RecordOf<typeof partyFields>;
