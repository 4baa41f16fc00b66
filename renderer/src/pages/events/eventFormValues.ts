// Between a meeting event and its form, through the event, agenda and attendance models; times
// stay HH:mm text, the date is a dayjs.
import type { ApiInput } from '../../../../core/contract/registry';
import type { MeetingEvent } from '../../../../core/events/contract';
import { agendaFields, attendanceFields, eventFields } from '../../../../core/events/fields';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';

export type EventFormValues = FormValuesOf<typeof eventFields> & {
  agenda?: FormValuesOf<typeof agendaFields>[];
  attendance?: FormValuesOf<typeof attendanceFields>[];
};

export const EMPTY_EVENT: EventFormValues = { type: 'signing_ceremony', organizers: [], agenda: [], attendance: [] };

export function valuesFromEvent(e: MeetingEvent): EventFormValues {
  return {
    ...formValuesOf(eventFields, e),
    agenda: e.agenda.map((a) => formValuesOf(agendaFields, a)),
    attendance: e.attendance.map((a) => formValuesOf(attendanceFields, a)),
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
    ...inputOfForm(eventFields, v),
    agenda: (v.agenda ?? []).map((a) => inputOfForm(agendaFields, a)),
    attendance: (v.attendance ?? []).map((a) => inputOfForm(attendanceFields, a)),
  };
}
