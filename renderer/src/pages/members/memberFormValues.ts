// Between a member (as the core returns it) and its form, through the member and contact models.
import type { ApiInput } from '../../../../core/contract/registry';
import type { MemberStatus } from '../../../../core/contract/codes';
import { contactFields, memberFields, type Member } from '../../../../core/members/fields';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';

export type ContactValues = FormValuesOf<typeof contactFields> & { id?: string };

export type MemberFormValues = FormValuesOf<typeof memberFields> & { status?: MemberStatus; contacts?: ContactValues[] };

export const EMPTY_MEMBER: MemberFormValues = {
  role: 'member',
  status: 'active',
  aliases: [],
  contacts: [{ isPrimary: true }],
};

export function valuesFromMember(member: Member): MemberFormValues {
  return {
    ...formValuesOf(memberFields, member),
    status: member.status,
    contacts: member.contacts.map((c) => ({ id: c.id, ...formValuesOf(contactFields, c) })),
  };
}

/** Form rows that are sent as contacts: a row left completely blank is not a contact. */
export function keptContactIndexes(values: MemberFormValues): number[] {
  return (values.contacts ?? []).flatMap((c, i) => (Object.entries(c).some(([key, v]) => key !== 'id' && key !== 'isPrimary' && typeof v === 'string' && v.trim()) ? [i] : []));
}

/** The form as the core's input. Nothing is validated here: the core does that and answers per field. */
export function inputFromValues(values: MemberFormValues): Omit<ApiInput<'members.create'>, 'status'> {
  return {
    ...inputOfForm(memberFields, values),
    contacts: keptContactIndexes(values)
      .map((i) => values.contacts![i]!)
      .map((c) => ({ ...(c.id ? { id: c.id } : {}), ...inputOfForm(contactFields, c) })),
  };
}

/** A field path from the core (`contacts.0.name`, counted over sent contacts) as a form name path. */
export function formNamePath(path: string, values: MemberFormValues): (string | number)[] {
  const parts = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (parts[0] === 'contacts' && typeof parts[1] === 'number') parts[1] = keptContactIndexes(values)[parts[1]] ?? parts[1];
  return parts;
}
