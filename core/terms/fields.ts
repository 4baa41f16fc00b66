// A council term (届) and what belongs to it: seats (each member's role in the term), personal
// offices, and dated mid-term changes. The term's own fields drive its table mapping and its form.
import { z } from 'zod';
import { COUNCIL_OFFICES, COUNCIL_OFFICE_LABELS_ZH, MEMBER_ROLES, ROLE_LABELS_ZH, TERM_CHANGE_KINDS, TERM_CHANGE_LABELS_ZH, TERM_STATES, TERM_STATE_LABELS_ZH } from '../contract/codes.js';
import { defineFields, inputShape, label, stored, type RecordOf } from '../contract/fields.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';

const ref = z.string().uuid();
const optionalRef = ref.nullish().transform((v) => v ?? null);

export const termFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  ordinal: {
    kind: 'integer',
    schema: z
      .number()
      .int()
      .min(1)
      .max(99)
      .nullish()
      .transform((v) => v ?? null),
    access: 'input',
    label: label('届次', 'Term number'),
  },
  state: { kind: 'enum', schema: z.enum(TERM_STATES), access: 'system', label: label('状态', 'State'), labelsZh: TERM_STATE_LABELS_ZH },
  startDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('起始日期', 'Starts on') },
  endDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('届满日期', 'Ends on') },
  electedEventId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('选举会议', 'Elected at') },
  notes: { kind: 'text', schema: optionalText(2000), access: 'input', label: label('备注', 'Notes') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'system', label: label('修改时间', 'Changed') },
});

export type TermRecord = RecordOf<typeof termFields>;

const dateOrNull = stored.optionalText;

/** A member's role in a term, from a day to a day (null: from the term's start, until its end). */
export const seatFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  termId: { kind: 'ref', schema: stored.id, access: 'system', label: label('届次', 'Term') },
  organizationId: { kind: 'ref', schema: stored.id, access: 'system', label: label('成员单位', 'Member') },
  role: { kind: 'enum', schema: z.enum(MEMBER_ROLES), access: 'system', label: label('理事会职务', 'Council role'), labelsZh: ROLE_LABELS_ZH },
  fromDate: { kind: 'date', schema: dateOrNull, access: 'system', label: label('起', 'From') },
  toDate: { kind: 'date', schema: dateOrNull, access: 'system', label: label('止', 'To') },
});

/** A dated mid-term change and the meeting that approved it. */
export const changeFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  termId: { kind: 'ref', schema: stored.id, access: 'system', label: label('届次', 'Term') },
  organizationId: { kind: 'ref', schema: stored.id, access: 'system', label: label('成员单位', 'Member') },
  kind: { kind: 'enum', schema: z.enum(TERM_CHANGE_KINDS), access: 'system', label: label('变动类型', 'Kind of change'), labelsZh: TERM_CHANGE_LABELS_ZH },
  roleBefore: { kind: 'enum', schema: z.enum(MEMBER_ROLES).nullable(), access: 'system', label: label('原职务', 'Role before'), labelsZh: ROLE_LABELS_ZH },
  roleAfter: { kind: 'enum', schema: z.enum(MEMBER_ROLES).nullable(), access: 'system', label: label('新职务', 'Role after'), labelsZh: ROLE_LABELS_ZH },
  date: { kind: 'date', schema: stored.text, access: 'system', label: label('日期', 'Date') },
  reason: { kind: 'text', schema: stored.optionalText, access: 'system', label: label('事由', 'Reason') },
  eventId: { kind: 'ref', schema: stored.optionalText, access: 'system', label: label('批准会议', 'Approved at') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('创建时间', 'Created') },
});

/** A person holding a personal office of the term, on behalf of a unit. */
export const officerFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  termId: { kind: 'ref', schema: stored.id, access: 'system', label: label('届次', 'Term') },
  office: { kind: 'enum', schema: z.enum(COUNCIL_OFFICES), access: 'input', label: label('职务', 'Office'), labelsZh: COUNCIL_OFFICE_LABELS_ZH },
  personName: { kind: 'text', schema: requiredText(50), access: 'input', label: label('姓名', 'Name') },
  organizationId: { kind: 'ref', schema: optionalRef, access: 'input', label: label('所在单位', 'Unit') },
  fromDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('起', 'From') },
  toDate: { kind: 'date', schema: optionalDate, access: 'input', label: label('止', 'To') },
  position: { kind: 'integer', schema: stored.count, access: 'system', label: label('顺序', 'Position') },
});

export const seatRole = z.enum(MEMBER_ROLES).refine((r) => r !== 'member', { params: { key: 'validation.councilRole' }, message: 'A seat is a council role, not 成员单位.' });

export const officerInput = z.strictObject(inputShape(officerFields));
export type OfficerInput = z.output<typeof officerInput>;

export const changeKind = z.enum(TERM_CHANGE_KINDS);
