// Meeting events (会议活动) and the signing ceremony that runs at them.
import { z } from 'zod';
import { AGREEMENT_TYPES, EVENT_TYPES, type EventType } from '../contract/codes.js';
import { inputShape } from '../contract/fields.js';
import { defineMethods, returns } from '../contract/method.js';
import { optionalDate, optionalText, requiredText } from '../contract/validation.js';
import { partyInput, type AgreementRow } from '../agreements/contract.js';
import type { Attachment } from '../attachments/fields.js';
import { agendaFields, attendanceFields, eventFields, type AgendaRecord, type AttendanceRecord, type EventRecord } from './fields.js';

const id = z.string().uuid();
const byId = z.strictObject({ id });

const eventShape = {
  ...inputShape(eventFields),
  agenda: z.array(z.strictObject(inputShape(agendaFields))).max(200).default([]),
  attendance: z.array(z.strictObject(inputShape(attendanceFields))).max(2000).default([]),
};

function checkTimes(v: { startTime: string | null; endTime: string | null }, ctx: z.RefinementCtx): void {
  if (v.startTime && v.endTime && v.endTime < v.startTime) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time is before the start time.', params: { key: 'validation.endBeforeStart' } });
  }
}

export const eventCreateInput = z.strictObject(eventShape).superRefine(checkTimes);
export const eventUpdateInput = z.strictObject({ id, ...eventShape }).superRefine(checkTimes);
export type EventInput = z.output<typeof eventCreateInput>;
export type EventUpdateInput = z.output<typeof eventUpdateInput>;

export const eventListInput = z.strictObject({
  types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length).optional(),
  from: optionalDate,
  to: optionalDate,
  text: z.string().max(200).optional(),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type EventListInput = z.output<typeof eventListInput>;

/** One signing planned for a ceremony: becomes a draft agreement linked to the event. */
export const plannedSigningInput = z.strictObject({
  title: requiredText(300),
  type: z.enum(AGREEMENT_TYPES).optional(),
  summary: optionalText(4000),
  tags: z.array(requiredText(30)).max(30).default([]),
  termYears: z.number().int().min(1).max(50).nullish().transform((v) => v ?? null),
  parties: z.array(partyInput).min(2).max(10),
});

export const ceremonyPlanInput = z.strictObject({ eventId: id, signings: z.array(plannedSigningInput).min(1).max(100) });
export const ceremonyEventInput = z.strictObject({ eventId: id });
export const ceremonyMoveInput = z.strictObject({ eventId: id, agreementId: id, direction: z.enum(['up', 'down']) });
export type CeremonyPlanInput = z.output<typeof ceremonyPlanInput>;
export type CeremonyMoveInput = z.output<typeof ceremonyMoveInput>;

export type AgendaItem = AgendaRecord & { presenterOrganizationName: string | null };
export type AttendanceEntry = AttendanceRecord & { organizationName: string };

export type MeetingEvent = EventRecord & {
  agenda: AgendaItem[];
  attendance: AttendanceEntry[];
  agreements: AgreementRow[];
  attachments: Attachment[];
};

export interface EventRow {
  id: string;
  title: string;
  type: EventType;
  date: string;
  startTime: string | null;
  venue: string | null;
  agreementCount: number;
  attendanceCount: number;
  isSample: boolean;
}

export interface CeremonyItem {
  position: number;
  signedAt: string | null;
  agreement: AgreementRow;
}

export interface CeremonyState {
  eventId: string;
  eventTitle: string;
  eventDate: string;
  items: CeremonyItem[];
  /** Index of the next signing to mark; equal to items.length when all are done. */
  currentIndex: number;
}

const EVENT_READS = ['event', 'agreement', 'organization', 'attachment'] as const;
const CEREMONY_READS = ['ceremony', 'event', 'agreement', 'organization'] as const;
const CEREMONY_CHANGES = ['ceremony', 'agreement'] as const;

export const eventMethods = defineMethods({
  'events.list': { doc: 'Events filtered by type, dates and text, newest first.', input: eventListInput, result: returns<EventRow[]>(), access: 'read', reads: EVENT_READS },
  'events.get': {
    doc: 'An event with its agenda, attendance, agreements signed there and attachments.',
    input: byId,
    result: returns<MeetingEvent>(),
    access: 'read',
    reads: EVENT_READS,
  },
  'events.create': { doc: 'Creates an event with its agenda and attendance.', input: eventCreateInput, result: returns<MeetingEvent>(), access: 'write', changes: ['event'] },
  'events.update': { doc: "Replaces an event's fields, agenda and attendance.", input: eventUpdateInput, result: returns<MeetingEvent>(), access: 'write', changes: ['event'] },
  'events.delete': {
    doc: 'Deletes an event unless agreements were signed at it; its draft signings stay as drafts.',
    input: byId,
    result: returns<{ id: string }>(),
    access: 'write',
    // Terms, changes and awards that name the event as their meeting let go of it.
    changes: ['event', 'agreement', 'attachment', 'ceremony', 'term', 'award'],
  },
  'events.markAllAttended': { doc: 'Marks everyone still "invited" as attended.', input: byId, result: returns<MeetingEvent>(), access: 'write', changes: ['event'] },
  'ceremony.state': { doc: "The ceremony's planned signings and which is next.", input: ceremonyEventInput, result: returns<CeremonyState>(), access: 'read', reads: CEREMONY_READS },
  'ceremony.plan': {
    doc: 'Appends signings (as draft agreements of the event) to its plan.',
    input: ceremonyPlanInput,
    result: returns<CeremonyState>(),
    access: 'write',
    changes: CEREMONY_CHANGES,
  },
  'ceremony.move': {
    doc: 'Moves a signing not yet done earlier or later in the order.',
    input: ceremonyMoveInput,
    result: returns<CeremonyState>(),
    access: 'write',
    changes: ['ceremony'],
  },
  'ceremony.mark': {
    doc: "Marks the current signing done (time recorded, agreement signed on the event's date).",
    input: ceremonyEventInput,
    result: returns<CeremonyState>(),
    access: 'write',
    changes: CEREMONY_CHANGES,
  },
  'ceremony.undo': { doc: 'Takes back the last mark.', input: ceremonyEventInput, result: returns<CeremonyState>(), access: 'write', changes: CEREMONY_CHANGES },
});
