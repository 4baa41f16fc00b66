// Conversion between a member (as the core returns it) and the form's values (dates as dayjs).
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput } from '../../../../core/contract/registry';
import type { MemberRole, MemberStatus, OrganizationCategory } from '../../../../core/contract/codes';
import type { Member } from '../../../../core/members/contract';

export interface ContactValues {
  id?: string;
  name?: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  isPrimary?: boolean;
}

export interface MemberFormValues {
  name?: string;
  shortName?: string;
  aliases?: string[];
  category?: OrganizationCategory;
  role?: MemberRole;
  status?: MemberStatus;
  joinDate?: Dayjs | null;
  uscc?: string;
  legalRepresentative?: string;
  address?: string;
  postcode?: string;
  website?: string;
  notes?: string;
  pinyinOverride?: string;
  contacts?: ContactValues[];
}

export const EMPTY_MEMBER: MemberFormValues = {
  role: 'member',
  status: 'active',
  aliases: [],
  contacts: [{ isPrimary: true }],
};

export function valuesFromMember(member: Member): MemberFormValues {
  return {
    name: member.name,
    shortName: member.shortName ?? undefined,
    aliases: member.aliases,
    category: member.category,
    role: member.role,
    status: member.status,
    joinDate: member.joinDate ? dayjs(member.joinDate) : null,
    uscc: member.uscc ?? undefined,
    legalRepresentative: member.legalRepresentative ?? undefined,
    address: member.address ?? undefined,
    postcode: member.postcode ?? undefined,
    website: member.website ?? undefined,
    notes: member.notes ?? undefined,
    pinyinOverride: member.pinyinOverride ?? undefined,
    contacts: member.contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title ?? undefined,
      mobile: c.mobile ?? undefined,
      phone: c.phone ?? undefined,
      email: c.email ?? undefined,
      isPrimary: c.isPrimary,
    })),
  };
}

/** The form as the core's input. Nothing is validated here: the core does that and answers per field. */
export function inputFromValues(values: MemberFormValues): Omit<ApiInput<'members.create'>, 'status'> {
  return {
    name: values.name ?? '',
    shortName: values.shortName ?? null,
    aliases: values.aliases ?? [],
    category: values.category as OrganizationCategory,
    role: values.role,
    joinDate: values.joinDate ? values.joinDate.format('YYYY-MM-DD') : null,
    uscc: values.uscc ?? null,
    legalRepresentative: values.legalRepresentative ?? null,
    address: values.address ?? null,
    postcode: values.postcode ?? null,
    website: values.website ?? null,
    notes: values.notes ?? null,
    pinyinOverride: values.pinyinOverride ?? null,
    contacts: keptContactIndexes(values)
      .map((i) => values.contacts![i]!)
      .map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        name: c.name ?? '',
        title: c.title ?? null,
        mobile: c.mobile ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
        isPrimary: Boolean(c.isPrimary),
      })),
  };
}

/** Form rows that are sent as contacts: a row left completely blank is not a contact. */
export function keptContactIndexes(values: MemberFormValues): number[] {
  return (values.contacts ?? []).flatMap((c, i) => ([c.name, c.title, c.mobile, c.phone, c.email].some((v) => v && v.trim()) ? [i] : []));
}

/** A field path from the core (`contacts.0.name`, counted over sent contacts) as a form name path. */
export function formNamePath(path: string, values: MemberFormValues): (string | number)[] {
  const parts = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (parts[0] === 'contacts' && typeof parts[1] === 'number') parts[1] = keptContactIndexes(values)[parts[1]] ?? parts[1];
  return parts;
}
