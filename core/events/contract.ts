// Input schemas of meeting events and talent supply/demand items (registered in core/api.ts).
import { z } from 'zod';
import { AGENDA_KINDS, ATTENDANCE_STATUSES, EVENT_TYPES, TALENT_DIRECTIONS } from '../contract/codes.js';
import { isoDate, matching, optionalDate, optionalText, requiredText } from '../contract/validation.js';

const id = z.string().uuid();
const optionalTime = optionalText(5).pipe(matching(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time', 'Expected a time like 09:30.').nullable());

const agendaItemInput = z.strictObject({
  kind: z.enum(AGENDA_KINDS),
  title: requiredText(300),
  presenterName: optionalText(50),
  presenterOrganizationId: id.nullish().transform((v) => v ?? null),
});

const attendanceInput = z.strictObject({
  organizationId: id,
  person: optionalText(50),
  status: z.enum(ATTENDANCE_STATUSES).default('invited'),
});

const eventShape = {
  title: requiredText(300),
  type: z.enum(EVENT_TYPES),
  date: z.string().pipe(isoDate),
  startTime: optionalTime,
  endTime: optionalTime,
  venue: optionalText(300),
  organizers: z.array(requiredText(200)).max(20).default([]),
  minutes: optionalText(50_000),
  agenda: z.array(agendaItemInput).max(200).default([]),
  attendance: z.array(attendanceInput).max(2000).default([]),
};

function checkTimes(v: { startTime: string | null; endTime: string | null }, ctx: z.RefinementCtx): void {
  if (v.startTime && v.endTime && v.endTime < v.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time is before the start time.', params: { key: 'validation.endBeforeStart' } });
  }
}

export const eventCreateInput = z.strictObject(eventShape).superRefine(checkTimes);
export const eventUpdateInput = z.strictObject({ id, ...eventShape }).superRefine(checkTimes);

export const eventListInput = z.strictObject({
  types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  from: optionalDate,
  to: optionalDate,
  text: z.string().max(200).optional(),
  direction: z.enum(['asc', 'desc']).default('desc'),
});

const talentShape = {
  organizationId: id,
  eventId: id.nullish().transform((v) => v ?? null),
  direction: z.enum(TALENT_DIRECTIONS),
  field: requiredText(200),
  level: optionalText(50),
  headcount: z.number().int().min(0).max(1_000_000).nullish().transform((v) => v ?? null),
  period: optionalText(100),
  notes: optionalText(2000),
};

export const talentCreateInput = z.strictObject(talentShape);
export const talentUpdateInput = z.strictObject({ id, ...talentShape });
export const talentListInput = z.strictObject({
  direction: z.enum(TALENT_DIRECTIONS).optional(),
  organizationId: id.optional(),
  eventId: id.optional(),
  text: z.string().max(200).optional(),
});
