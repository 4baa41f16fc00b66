// Between a record (as the core returns it) and a form's values, from its field model: dates as dayjs
// in the form and YYYY-MM-DD for the core, blanks as undefined in the form and null for the core.
// Nothing is validated here: the core does that and answers per field.
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Fields, FieldSpec } from '../../../core/contract/fields';

type InputKeys<F extends Fields> = { [K in keyof F]: F[K]['access'] extends 'input' ? K : never }[keyof F];

/** The values a form holds for a model's input fields. */
export type FormValuesOf<F extends Fields> = {
  [K in InputKeys<F>]?: F[K]['kind'] extends 'date' ? Dayjs | null : Exclude<z.output<F[K]['schema']>, null> | null;
};

const inputEntries = (fields: Fields) => Object.entries(fields).filter(([, spec]) => spec.access === 'input');

function formValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.kind === 'date') return typeof value === 'string' && value ? dayjs(value) : null;
  if (spec.kind === 'textList') return Array.isArray(value) ? value : [];
  return value ?? undefined;
}

function inputValue(spec: FieldSpec, value: unknown): unknown {
  if (spec.kind === 'date') return value && dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : null;
  if (spec.kind === 'textList') return Array.isArray(value) ? value : [];
  if (spec.kind === 'boolean') return Boolean(value);
  // Left out, an enum takes its default (a role, a status) or stays unset for the core to suggest (a type).
  if (spec.kind === 'enum') return value ?? undefined;
  return value === undefined || value === '' ? null : value;
}

/** A record's input fields as its form holds them. */
export function formValuesOf<F extends Fields>(fields: F, record: object): FormValuesOf<F> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(inputEntries(fields).map(([key, spec]) => [key, formValue(spec, values[key])])) as FormValuesOf<F>;
}

/** A form's values as the core's input for the model's input fields. */
export function inputOfForm<F extends Fields>(fields: F, values: object): { [K in InputKeys<F>]: z.input<F[K]['schema']> } {
  const form = values as Record<string, unknown>;
  return Object.fromEntries(inputEntries(fields).map(([key, spec]) => [key, inputValue(spec, form[key])])) as { [K in InputKeys<F>]: z.input<F[K]['schema']> };
}
