// The vocabulary of field models: each entity declares its fields once (core/<domain>/fields.ts),
// and that one declaration drives the table mapping (core/records), the API's input schema and
// result type, import columns, history restore and import undo, the renderer's form converters,
// export column headers and the labels the history shows. Plain data and zod: the renderer imports it.
import { z } from 'zod';

/**
 * How a value is kept and shown, which decides how a form edits it and how a file prints it:
 * text and date are strings (a date as YYYY-MM-DD), textList a list of strings, json a structured
 * value kept as JSON, id and ref UUIDs, timestamp an ISO instant.
 */
export type FieldKind = 'id' | 'ref' | 'text' | 'date' | 'enum' | 'textList' | 'integer' | 'boolean' | 'timestamp' | 'json';

/**
 * input: the clerk sets it (create and update inputs); system: the app sets it and shows it (status,
 * timestamps, the sample flag); internal: kept in the table, never in the API (a contact's timestamps).
 */
export type FieldAccess = 'input' | 'system' | 'internal';

export interface Label {
  zh: string;
  en: string;
}

/** How a spreadsheet column of an import fills a field. */
export interface ImportColumn {
  /** Header names, compared without spaces, case or full-width forms (单位 名称 = 单位名称). */
  headers: readonly string[];
  /** name: full-width and spaces tidied; code: digits and letters only, half width; person: a person's name; plain: as typed. */
  tidy: 'name' | 'code' | 'person' | 'plain';
  /**
   * What a duplicate row may do to an existing record: fill an empty value, overwrite only when the
   * clerk chose overwrite, or never (the name that identifies the record).
   */
  merge: 'fill' | 'overwrite' | 'never';
}

export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  kind: FieldKind;
  /** The value's schema: the input's for input fields, the stored value's for the rest. */
  schema: S;
  /** The stored value's schema when it is narrower than the input's (a number left blank is generated). */
  value?: z.ZodType;
  access: FieldAccess;
  label: Label;
  /** The heading in printed lists and spreadsheets, when it differs from the form's label. */
  exportLabel?: string;
  import?: ImportColumn;
  /** An enum's values in Chinese, for files, the CLI and the history. */
  labelsZh?: Readonly<Record<string, string>>;
}

export type Fields = Record<string, FieldSpec>;

/** A field model, checked as it is declared. */
export function defineFields<const F extends Fields>(fields: F): F {
  for (const [name, spec] of Object.entries(fields)) {
    if (spec.import && spec.access !== 'input') throw new Error(`${name}: only an input field can be imported`);
  }
  return fields;
}

type InputKeys<F extends Fields> = { [K in keyof F]: F[K]['access'] extends 'input' ? K : never }[keyof F];
type ShownKeys<F extends Fields> = { [K in keyof F]: F[K]['access'] extends 'internal' ? never : K }[keyof F];

type ValueOf<S extends FieldSpec> = S extends { value: infer V extends z.ZodType } ? z.output<V> : z.output<S['schema']>;

/** A record as the API returns it: every field but the internal ones. */
export type RecordOf<F extends Fields> = { -readonly [K in ShownKeys<F>]: ValueOf<F[K]> };

/** A record as its table row holds it (derived columns aside). */
export type StoredOf<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

export type InputShape<F extends Fields> = { -readonly [K in InputKeys<F>]: F[K]['schema'] };

/** The names of the fields a clerk sets, in declaration order. */
export function inputKeys<F extends Fields>(fields: F): InputKeys<F>[] {
  return Object.keys(fields).filter((k) => fields[k]!.access === 'input') as InputKeys<F>[];
}

/** The zod shape of the fields a clerk sets: what create and update inputs are built from. */
export function inputShape<F extends Fields>(fields: F): InputShape<F> {
  return Object.fromEntries(inputKeys(fields).map((k) => [k, fields[k]!.schema])) as InputShape<F>;
}

/** The input fields' values of a record, as a create or update input takes them. */
export function inputOf<F extends Fields>(fields: F, record: Partial<Record<keyof F, unknown>>): { [K in InputKeys<F>]: z.input<F[K]['schema']> } {
  return Object.fromEntries(inputKeys(fields).map((k) => [k, record[k]])) as { [K in InputKeys<F>]: z.input<F[K]['schema']> };
}

/** The names of the fields the API shows, in declaration order. */
export function shownKeys<F extends Fields>(fields: F): ShownKeys<F>[] {
  return Object.keys(fields).filter((k) => fields[k]!.access !== 'internal') as ShownKeys<F>[];
}

export const label = (zh: string, en: string): Label => ({ zh, en });

/** Schemas of values the app sets itself (they are never parsed from a caller). */
export const stored = {
  id: z.string(),
  text: z.string(),
  optionalText: z.string().nullable(),
  timestamp: z.string(),
  flag: z.boolean(),
  count: z.number().int(),
};
