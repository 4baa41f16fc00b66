// The columns a member spreadsheet may have, straight from the member and contact field models:
// every field with an `import` entry, the contact's prefixed (contactName, contactPhone …); and the
// columns that only guide the reading of a row (单位性质, the legal form that suggests a category).
import type { ImportColumn } from '../../contract/fields.js';
import { contactFields, memberFields } from '../../members/fields.js';

type Imported<F> = { [K in keyof F]: F[K] extends { import: ImportColumn } ? K & string : never }[keyof F];
type MemberImportField = Imported<typeof memberFields>;
type ContactImportField = `contact${Capitalize<Imported<typeof contactFields>>}`;
/** Columns read to understand a row, stored nowhere themselves. */
type RowImportField = 'legalForm';
export type ImportField = MemberImportField | ContactImportField | RowImportField;

export interface ImportFieldSpec {
  field: ImportField;
  /** The model's field: a member's, or a contact's for contact fields; row for a column that guides the reading only. */
  owner: 'member' | 'contact' | 'row';
  key: string;
  kind: string;
  column: ImportColumn;
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export const IMPORT_FIELD_SPECS: readonly ImportFieldSpec[] = [
  ...Object.entries(memberFields).flatMap(([key, spec]) => ('import' in spec && spec.import ? [{ field: key as ImportField, owner: 'member' as const, key, kind: spec.kind, column: spec.import }] : [])),
  ...Object.entries(contactFields).flatMap(([key, spec]) =>
    'import' in spec && spec.import ? [{ field: `contact${capitalise(key)}` as ImportField, owner: 'contact' as const, key, kind: spec.kind, column: spec.import }] : [],
  ),
  {
    field: 'legalForm',
    owner: 'row',
    key: 'legalForm',
    kind: 'text',
    column: { headers: ['单位性质', '性质', '机构性质', '法人类型', '单位登记类型', '登记注册类型', '经济类型', '所有制', 'legalform'], tidy: 'plain', merge: 'never' },
  },
];

export const IMPORT_FIELDS = IMPORT_FIELD_SPECS.map((s) => s.field) as [ImportField, ...ImportField[]];

export const IMPORT_FIELD_BY_NAME: ReadonlyMap<ImportField, ImportFieldSpec> = new Map(IMPORT_FIELD_SPECS.map((s) => [s.field, s]));
