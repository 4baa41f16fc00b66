// Reusable zod field schemas and the translation of zod issues into the error shape's field map.
import { z } from 'zod';
import { AppError, type FieldIssue } from './errors.js';

/** Collapses runs of whitespace (including the ideographic space) and trims. */
export function tidyText(value: string): string {
  return value.replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * What no text field may hold once whitespace is tidied: control characters (a NUL made a member
 * unsearchable; ESC sequences reached the terminal through the CLI) and the bidirectional embeddings,
 * overrides and isolates that make a name display backwards. Refused with a field error, not stripped:
 * the clerk sees what was wrong with what she pasted.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/;

const printable = (text: z.ZodString) =>
  text.refine((v) => !UNPRINTABLE.test(v), { params: { key: 'validation.controlCharacters' }, message: 'Contains control or text-direction characters; retype it or paste it as plain text.' });

/** Text of several lines (a certificate's wording): line breaks allowed, other control characters not. */
export const multilineText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((v) => !UNPRINTABLE.test(v.replace(/\r?\n/g, ' ')), { params: { key: 'validation.controlCharacters' }, message: 'Contains control or text-direction characters; retype it or paste it as plain text.' });

export const requiredText = (max: number) => z.string().transform(tidyText).pipe(printable(z.string().min(1).max(max)));

/** Optional text: undefined, null and blank all become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v == null ? null : tidyText(v) || null))
    .pipe(printable(z.string().max(max)).nullable());

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A string matching a pattern; the failure carries an i18n key, as every field issue does. */
export const matching = (pattern: RegExp, key: string, message: string) =>
  z.string().refine((v) => pattern.test(v), { params: { key }, message });

export const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), { params: { key: 'validation.date' }, message: 'Expected a date like 2023-08-19.' });

export const optionalDate = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === '' ? null : v.trim()))
  .pipe(isoDate.nullable());

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function fieldIssueOf(issue: Issue, input: unknown): FieldIssue {
  const params = (issue as { params?: Record<string, string | number> }).params;
  if (params && typeof params.key === 'string') {
    const { key, ...rest } = params;
    return { key, params: rest, message: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      // zod does not report the input by default; look it up to tell "missing" from "wrong type".
      return valueAt(input, issue.path) == null
        ? { key: 'validation.required', message: 'Required.' }
        : { key: 'validation.type', params: { expected: issue.expected }, message: `Expected ${issue.expected}.` };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { key: 'validation.required', message: 'Required.' };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { key: 'validation.numberTooSmall', params: { min: Number(issue.minimum) }, message: issue.message };
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) }, message: issue.message };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'validation.tooMany', params: { max: Number(issue.maximum) }, message: issue.message };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return { key: 'validation.numberTooLarge', params: { max: Number(issue.maximum) }, message: issue.message };
      return { key: 'validation.tooLong', params: { max: Number(issue.maximum) }, message: issue.message };
    case 'invalid_value':
      return { key: 'validation.choice', message: issue.message };
    case 'invalid_format':
      return { key: 'validation.format', message: issue.message };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: { fields: issue.keys.join(', ') }, message: issue.message };
    default:
      return { key: 'validation.invalid', message: issue.message };
  }
}

export function validationError(error: z.ZodError, input: unknown): AppError {
  const fields: Record<string, FieldIssue> = {};
  // zod's own safe-integer bound (9007199254740991) says less than the field's limit: that one first.
  const generic = (issue: z.core.$ZodIssue) => issue.code === 'too_big' && Number(issue.maximum) === Number.MAX_SAFE_INTEGER;
  for (const issue of [...error.issues.filter((i) => !generic(i)), ...error.issues.filter(generic)]) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= fieldIssueOf(issue, input);
  }
  const summary = Object.entries(fields)
    .map(([f, i]) => `${f}: ${i.message}`)
    .join('; ');
  return new AppError('VALIDATION', `Invalid input — ${summary}`, { key: 'errors.validation', fields });
}
