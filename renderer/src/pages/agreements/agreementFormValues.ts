// Between an agreement (as the core returns it) and its form, through the agreement and party models.
import type { ApiInput } from '../../../../core/contract/registry';
import type { Agreement } from '../../../../core/agreements/contract';
import { agreementFields, partyFields } from '../../../../core/agreements/fields';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';

export type PartyValues = FormValuesOf<typeof partyFields>;
export type AgreementFormValues = FormValuesOf<typeof agreementFields> & { parties?: PartyValues[] };

export const EMPTY_AGREEMENT: AgreementFormValues = { status: 'draft', tags: [], parties: [{}, {}] };

export function valuesFromAgreement(a: Agreement): AgreementFormValues {
  return { ...formValuesOf(agreementFields, a), parties: a.parties.map((p) => formValuesOf(partyFields, p)) };
}

export function partyInputOf(p: PartyValues): ApiInput<'agreements.create'>['parties'][number] {
  return inputOfForm(partyFields, p);
}

export function inputFromAgreementValues(v: AgreementFormValues): ApiInput<'agreements.create'> {
  return { ...inputOfForm(agreementFields, v), parties: (v.parties ?? []).map(partyInputOf) };
}
