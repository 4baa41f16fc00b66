// Field labels come from the field models (core/<domain>/fields.ts), in both languages: forms, the
// history and files name a field alike. Keys: field.<model>.<field>, e.g. field.organization.shortName.
import type { Fields, FieldSpec, Label } from '../../../core/contract/fields.js';
import { agreementFields, partyFields } from '../../../core/agreements/fields.js';
import { allianceFields } from '../../../core/alliance/fields.js';
import { agendaFields, attendanceFields, eventFields } from '../../../core/events/fields.js';
import { contactFields, memberFields } from '../../../core/members/fields.js';
import { talentFields } from '../../../core/talent/fields.js';
import { termFields } from '../../../core/terms/fields.js';
import { projectFields, projectFigureFields } from '../../../core/projects/fields.js';
import { awardFields } from '../../../core/awards/fields.js';

export const FIELD_MODELS = {
  organization: memberFields,
  contact: contactFields,
  agreement: agreementFields,
  party: partyFields,
  event: eventFields,
  agenda: agendaFields,
  attendance: attendanceFields,
  talent: talentFields,
  alliance: allianceFields,
  term: termFields,
  project: projectFields,
  projectFigure: projectFigureFields,
  award: awardFields,
} satisfies Record<string, Fields>;

export type FieldModelName = keyof typeof FIELD_MODELS;

export function fieldLabels(language: keyof Label): Record<FieldModelName, Record<string, string>> {
  const labelsOf = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, (spec as FieldSpec).label[language]]));
  return Object.fromEntries(Object.entries(FIELD_MODELS).map(([model, fields]) => [model, labelsOf(fields)])) as Record<FieldModelName, Record<string, string>>;
}
