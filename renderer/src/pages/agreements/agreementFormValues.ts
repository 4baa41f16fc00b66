// Between an agreement (as the core returns it) and the form (dates as dayjs); blanks become null.
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiInput } from '../../../../core/contract/registry';
import type { AgreementStatus, AgreementType } from '../../../../core/contract/codes';
import type { Agreement } from '../../../../core/agreements/contract';

export interface PartyValues {
  organizationId?: string | null;
  label?: string;
  signatoryName?: string;
  signatoryTitle?: string;
  sealAffixed?: boolean;
}

export interface AgreementFormValues {
  number?: string;
  title?: string;
  type?: AgreementType;
  status?: AgreementStatus;
  signedDate?: Dayjs | null;
  place?: string;
  eventId?: string | null;
  effectiveDate?: Dayjs | null;
  endDate?: Dayjs | null;
  termYears?: number | null;
  terminatedDate?: Dayjs | null;
  summary?: string;
  tags?: string[];
  amendsId?: string | null;
  parties?: PartyValues[];
}

export const EMPTY_AGREEMENT: AgreementFormValues = { status: 'draft', tags: [], parties: [{}, {}] };

const day = (value: string | null) => (value ? dayjs(value) : null);
const text = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

export function valuesFromAgreement(a: Agreement): AgreementFormValues {
  return {
    number: a.number,
    title: a.title,
    type: a.type,
    status: a.status,
    signedDate: day(a.signedDate),
    place: a.place ?? undefined,
    eventId: a.eventId,
    effectiveDate: day(a.effectiveDate),
    endDate: day(a.endDate),
    termYears: a.termYears,
    terminatedDate: day(a.terminatedDate),
    summary: a.summary ?? undefined,
    tags: a.tags,
    amendsId: a.amendsId,
    parties: a.parties.map((p) => ({
      organizationId: p.organizationId,
      label: p.label,
      signatoryName: p.signatoryName ?? undefined,
      signatoryTitle: p.signatoryTitle ?? undefined,
      sealAffixed: p.sealAffixed,
    })),
  };
}

export function inputFromAgreementValues(v: AgreementFormValues): ApiInput<'agreements.create'> {
  return {
    number: v.number ?? null,
    title: v.title ?? '',
    type: v.type,
    status: v.status ?? 'draft',
    signedDate: text(v.signedDate),
    place: v.place ?? null,
    eventId: v.eventId ?? null,
    effectiveDate: text(v.effectiveDate),
    endDate: text(v.endDate),
    termYears: v.termYears ?? null,
    terminatedDate: text(v.terminatedDate),
    summary: v.summary ?? null,
    tags: v.tags ?? [],
    amendsId: v.amendsId ?? null,
    parties: (v.parties ?? []).map(partyInputOf),
  };
}

export function partyInputOf(p: PartyValues): ApiInput<'agreements.create'>['parties'][number] {
  return {
    organizationId: p.organizationId ?? '',
    label: p.label ?? null,
    signatoryName: p.signatoryName ?? null,
    signatoryTitle: p.signatoryTitle ?? null,
    sealAffixed: Boolean(p.sealAffixed),
  };
}
