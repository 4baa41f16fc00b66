// How the exchange review names tables, fields and stored values for the clerk.
import type { TFunction } from 'i18next';
import type { ExchangeItem } from '../../../../../core/exchange/contract';

/** Each replicated table's field model (its labels are field.<model>.<field>). */
const MODEL_OF: Record<string, string> = {
  alliance_profile: 'alliance',
  organizations: 'organization',
  contacts: 'contact',
  agreements: 'agreement',
  agreement_parties: 'party',
  events: 'event',
  agenda_items: 'agenda',
  attendance: 'attendance',
  talent_items: 'talent',
  council_terms: 'term',
  projects: 'project',
  project_figures: 'projectFigure',
  awards: 'award',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fieldLabel(t: TFunction, table: string, column: string | undefined): string {
  if (!column) return t('exchange.wholeRecord');
  return column
    .split(',')
    .map((c) => (MODEL_OF[table] ? t(`field.${MODEL_OF[table]}.${camel(c)}`, { defaultValue: c }) : c))
    .join(t('exchange.fieldSeparator'));
}

/** A stored value as text: lists joined, empty as —. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^[[{]/.test(value)) {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed)) return parsed.length === 0 ? '—' : parsed.map((x) => (typeof x === 'object' && x ? String((x as { name?: unknown }).name ?? JSON.stringify(x)) : String(x))).join('、');
    } catch {
      return value;
    }
  }
  if (typeof value === 'object') return '';
  return String(value);
}

export function itemWhat(t: TFunction, item: ExchangeItem): string {
  return `${t(`exchange.table.${item.table}`, { defaultValue: item.table })} · ${fieldLabel(t, item.table, item.field)}`;
}

export function whenText(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** Items the clerk decides: a conflict, or a deletion against an edit. */
export function isDecision(item: ExchangeItem): boolean {
  return item.kind === 'conflict' || item.kind === 'deleteEdit';
}
