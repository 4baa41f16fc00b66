// Between a meeting event and its form; times as HH:mm text, the date as dayjs.
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput } from '../../../../core/contract/registry';
import type { AgendaKind, AttendanceStatus, EventType } from '../../../../core/contract/codes';
import type { MeetingEvent } from '../../../../core/events/contract';

export interface EventFormValues {
  title?: string;
  type?: EventType;
  date?: Dayjs | null;
  startTime?: string;
  endTime?: string;
  venue?: string;
  organizers?: string[];
  minutes?: string;
  agenda?: { kind?: AgendaKind; title?: string; presenterName?: string; presenterOrganizationId?: string | null }[];
  attendance?: { organizationId?: string | null; person?: string; status?: AttendanceStatus }[];
}

export const EMPTY_EVENT: EventFormValues = { type: 'signing_ceremony', organizers: [], agenda: [], attendance: [] };

export function valuesFromEvent(e: MeetingEvent): EventFormValues {
  return {
    title: e.title,
    type: e.type,
    date: dayjs(e.date),
    startTime: e.startTime ?? undefined,
    endTime: e.endTime ?? undefined,
    venue: e.venue ?? undefined,
    organizers: e.organizers,
    minutes: e.minutes ?? undefined,
    agenda: e.agenda.map((a) => ({ kind: a.kind, title: a.title, presenterName: a.presenterName ?? undefined, presenterOrganizationId: a.presenterOrganizationId })),
    attendance: e.attendance.map((a) => ({ organizationId: a.organizationId, person: a.person ?? undefined, status: a.status })),
  };
}

/** Names the event already knows for member ids, so member pickers show them before any search. */
export function knownNamesOf(e: MeetingEvent | undefined): Record<string, string> {
  if (!e) return {};
  return Object.fromEntries([
    ...e.attendance.map((a) => [a.organizationId, a.organizationName] as const),
    ...e.agenda.filter((a) => a.presenterOrganizationId && a.presenterOrganizationName).map((a) => [a.presenterOrganizationId!, a.presenterOrganizationName!] as const),
  ]);
}

export function inputFromEventValues(v: EventFormValues): ApiInput<'events.create'> {
  return {
    title: v.title ?? '',
    type: v.type as EventType,
    date: v.date ? v.date.format('YYYY-MM-DD') : '',
    startTime: v.startTime ?? null,
    endTime: v.endTime ?? null,
    venue: v.venue ?? null,
    organizers: v.organizers ?? [],
    minutes: v.minutes ?? null,
    agenda: (v.agenda ?? []).map((a) => ({ kind: a.kind as AgendaKind, title: a.title ?? '', presenterName: a.presenterName ?? null, presenterOrganizationId: a.presenterOrganizationId ?? null })),
    attendance: (v.attendance ?? []).map((a) => ({ organizationId: a.organizationId ?? '', person: a.person ?? null, status: a.status ?? 'invited' })),
  };
}
