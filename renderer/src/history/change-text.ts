// A change in the clerk's words: each field by its label and each value as she knows it — codes by
// their names in the current language (状态：草稿 → 已签署), yes/no, lists by their names — never
// an internal code or an id.
import type { TFunction } from 'i18next';
import type { FieldSpec } from '../../../core/contract/fields';
import type { ChangeLogEntry } from '../../../core/history/contract';
import { FIELD_MODELS, type FieldModelName } from '../i18n/field-labels';

/** The i18n namespace naming the codes of each enum field (a test checks every enum has one). */
export const CODE_NAMESPACES: Record<FieldModelName, Record<string, string>> = {
  organization: { category: 'category', role: 'role', status: 'status' },
  contact: {},
  agreement: { type: 'agreementType', status: 'agreementStatus' },
  party: {},
  event: { type: 'eventType' },
  agenda: { kind: 'agendaKind' },
  attendance: { status: 'attendanceStatus' },
  talent: { direction: 'talentDirection' },
  alliance: { level: 'level' },
  term: { state: 'termState' },
  project: { kind: 'projectKind' },
  projectFigure: {},
  award: { kind: 'awardKind' },
};

/** A reference's readable companion in the same snapshot (the agreement's event title, …). */
const REFERENCE_NAMES: Record<string, string> = { agreementId: 'agreementNumber', electedEventId: 'electedEventTitle', eventId: 'eventTitle', amendsId: 'amendsNumber', organizationId: 'organizationName' };

/** Fields a clerk never sees: bookkeeping and what is derived from other fields. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'state', 'isSample', 'pinyinKey', 'searchText', 'roleRank', 'agreementTitle', 'seatCount', 'officerCount', 'changeCount', 'years', 'totals', 'datedRecords', 'storedRows']);

/** The model a change-log entity's snapshots follow. */
export function modelOf(entity: string): FieldModelName | null {
  return entity in FIELD_MODELS ? (entity as FieldModelName) : null;
}

const nameOfItem = (item: unknown): string | null => {
  if (typeof item === 'string') return item;
  if (!item || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  for (const key of ['name', 'title', 'organizationName', 'personName', 'fileName', 'topic']) if (typeof o[key] === 'string' && o[key]) return o[key] as string;
  return null;
};

export function fieldLabel(t: TFunction, model: FieldModelName | null, field: string): string {
  return model ? t(`field.${model}.${field}`, { defaultValue: t(`history.field.${field}`, { defaultValue: field }) }) : t(`history.field.${field}`, { defaultValue: field });
}

export function valueText(t: TFunction, model: FieldModelName | null, field: string, value: unknown, snapshot: Record<string, unknown> = {}): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const spec = model ? ((FIELD_MODELS[model] as Record<string, FieldSpec>)[field] ?? null) : null;
  const namespace = model ? CODE_NAMESPACES[model][field] : undefined;
  if (namespace && typeof value === 'string') return t(`${namespace}.${value}`, { defaultValue: value });
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (spec?.kind === 'ref' || field in REFERENCE_NAMES) {
    const name = snapshot[REFERENCE_NAMES[field] ?? ''];
    return typeof name === 'string' && name ? name : t('history.linked');
  }
  if (Array.isArray(value)) {
    const names = value.map(nameOfItem);
    return names.every((n) => n !== null) ? names.join('、') : t('history.items', { count: value.length });
  }
  if (typeof value === 'object') return nameOfItem(value) ?? t('history.details');
  return String(value);
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The fields a change touched, in the model's order, each with its label and both values in words. */
export function describeChange(t: TFunction, entry: Pick<ChangeLogEntry, 'entity' | 'action' | 'before' | 'after'>): FieldChange[] {
  const model = modelOf(entry.entity);
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const order = model ? Object.keys(FIELD_MODELS[model]) : [];
  const keys = [...new Set([...order, ...Object.keys(before), ...Object.keys(after)])].filter((k) => (k in before || k in after) && !HIDDEN.has(k) && !Object.values(REFERENCE_NAMES).includes(k));
  // An update shows what differs; a create or a delete shows what the record held.
  const held = entry.action === 'delete' ? before : after;
  return keys
    .filter((k) => (entry.action === 'update' ? JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null) : valueText(t, model, k, held[k], held) !== '—'))
    .map((field) => ({ field, label: fieldLabel(t, model, field), before: valueText(t, model, field, before[field], before), after: valueText(t, model, field, after[field], after) }));
}
