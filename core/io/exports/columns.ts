// Column headings and cell text of printed lists and spreadsheets, from the field models: a field's
// heading is its export label (or its label), an enum prints its Chinese label, a list its items.
import type { FieldSpec } from '../../contract/fields.js';

export function heading(spec: Pick<FieldSpec, 'label' | 'exportLabel'>): string {
  return spec.exportLabel ?? spec.label.zh;
}

/** A field's value as a cell shows it. */
export function cellText(spec: Pick<FieldSpec, 'kind' | 'labelsZh'>, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  switch (spec.kind) {
    case 'enum':
      return spec.labelsZh?.[String(value)] ?? String(value);
    case 'textList':
      return (value as string[]).join('、');
    case 'boolean':
      return value ? '是' : '';
    case 'integer':
      return value as number;
    default:
      return String(value);
  }
}
