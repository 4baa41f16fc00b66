// A meeting event's fields, its agenda items' and its attendance's, and the ceremony's plan.
import { z } from 'zod';
import { AGENDA_KIND_LABELS_ZH, AGENDA_KINDS, ATTENDANCE_LABELS_ZH, ATTENDANCE_STATUSES, EVENT_TYPE_LABELS_ZH, EVENT_TYPES } from '../contract/codes.js';
import { defineFields, label, stored, type RecordOf } from '../contract/fields.js';
import { isoDate, matching, optionalText, requiredText } from '../contract/validation.js';

const ref = z.string().uuid();
const optionalTime = optionalText(5).pipe(matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time', 'Expected a time like 09:30.').nullable());

export const eventFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  title: { kind: 'text', schema: requiredText(300), access: 'input', label: label('活动名称', 'Title') },
  type: { kind: 'enum', schema: z.enum(EVENT_TYPES), access: 'input', label: label('活动类型', 'Type'), labelsZh: EVENT_TYPE_LABELS_ZH },
  date: { kind: 'date', schema: z.string().pipe(isoDate), access: 'input', label: label('日期', 'Date') },
  startTime: { kind: 'text', schema: optionalTime, access: 'input', label: label('开始时间', 'Starts') },
  endTime: { kind: 'text', schema: optionalTime, access: 'input', label: label('结束时间', 'Ends') },
  venue: { kind: 'text', schema: optionalText(300), access: 'input', label: label('地点', 'Venue') },
  organizers: { kind: 'textList', schema: z.array(requiredText(200)).max(20).default([]), access: 'input', label: label('主办/承办单位', 'Organizers') },
  minutes: { kind: 'text', schema: optionalText(50_000), access: 'input', label: label('会议纪要', 'Minutes') },
  isSample: { kind: 'boolean', schema: stored.flag, access: 'system', label: label('示例数据', 'Sample data') },
  createdAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('创建时间', 'Created') },
  updatedAt: { kind: 'timestamp', schema: stored.timestamp, access: 'internal', label: label('修改时间', 'Changed') },
});

export const agendaFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  eventId: { kind: 'ref', schema: stored.id, access: 'internal', label: label('活动', 'Event') },
  position: { kind: 'integer', schema: stored.count, access: 'system', label: label('顺序', 'Position') },
  kind: { kind: 'enum', schema: z.enum(AGENDA_KINDS), access: 'input', label: label('类型', 'Kind'), labelsZh: AGENDA_KIND_LABELS_ZH },
  title: { kind: 'text', schema: requiredText(300), access: 'input', label: label('内容', 'Title') },
  presenterName: { kind: 'text', schema: optionalText(50), access: 'input', label: label('发言人', 'Presenter') },
  presenterOrganizationId: { kind: 'ref', schema: ref.nullish().transform((v) => v ?? null), access: 'input', label: label('单位', 'Organization') },
});

export const attendanceFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  eventId: { kind: 'ref', schema: stored.id, access: 'internal', label: label('活动', 'Event') },
  organizationId: { kind: 'ref', schema: ref, access: 'input', label: label('单位', 'Organization') },
  person: { kind: 'text', schema: optionalText(50), access: 'input', label: label('参会人', 'Person') },
  status: { kind: 'enum', schema: z.enum(ATTENDANCE_STATUSES).default('invited'), access: 'input', label: label('状态', 'Status'), labelsZh: ATTENDANCE_LABELS_ZH },
  position: { kind: 'integer', schema: stored.count, access: 'internal', label: label('顺序', 'Position') },
});

/** The planned order of signings at a ceremony; `signedAt` is set when the clerk marks one done. */
export const ceremonySigningFields = defineFields({
  id: { kind: 'id', schema: stored.id, access: 'system', label: label('编号', 'ID') },
  eventId: { kind: 'ref', schema: stored.id, access: 'system', label: label('活动', 'Event') },
  agreementId: { kind: 'ref', schema: stored.id, access: 'system', label: label('协议', 'Agreement') },
  position: { kind: 'integer', schema: stored.count, access: 'system', label: label('顺序', 'Position') },
  signedAt: { kind: 'timestamp', schema: stored.optionalText, access: 'system', label: label('签约时间', 'Signed at') },
});

export type EventRecord = RecordOf<typeof eventFields>;
export type AgendaRecord = RecordOf<typeof agendaFields>;
export type AttendanceRecord = RecordOf<typeof attendanceFields>;
