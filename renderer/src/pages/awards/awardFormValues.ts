// Between a plaque or appointment letter (as the core returns it) and its form, through the award model.
import type { ApiInput } from '../../../../core/contract/registry';
import type { AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { awardFields } from '../../../../core/awards/fields';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';

/** The kind is the page's tab, not a field the clerk edits here. */
export type AwardFormValues = Omit<FormValuesOf<typeof awardFields>, 'kind'>;

export function valuesFromAward(award: Award): AwardFormValues {
  return formValuesOf(awardFields, award);
}

export function inputFromAwardValues(kind: AwardKind, values: AwardFormValues): ApiInput<'awards.create'> {
  return { ...inputOfForm(awardFields, values), kind } as ApiInput<'awards.create'>;
}
