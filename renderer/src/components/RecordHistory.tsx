// One record's change log: when, what, and the fields before → after.
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry } from '../../../core/history/contract';
import { useApiQuery } from '../api/queries';

type Entity = 'organization' | 'agreement' | 'event';

/** The top-level fields that differ, shown as before → after; nested lists are summarised by length. */
export function changedFields(entry: ChangeLogEntry): { field: string; before: string; after: string }[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? (v.every((x) => typeof x === 'string') ? v.join('、') : `${v.length}`) : typeof v === 'object' ? '…' : String(v));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !['updatedAt', 'createdAt', 'state'].includes(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}

export function RecordHistory({ entity, id }: { entity: Entity; id: string }) {
  const { t } = useTranslation();
  const history = useApiQuery('changes.forRecord', { entity, id });
  return (
    <List
      size="small"
      loading={history.isPending}
      dataSource={history.data ?? []}
      data-testid="record-history"
      renderItem={(entry) => (
        <List.Item>
          <div>
            <Typography.Text strong>
              {new Date(entry.at).toLocaleString()} · {t(`history.action.${entry.action}`)}
            </Typography.Text>
            {entry.action === 'update' &&
              changedFields(entry).map((c) => (
                <div key={c.field}>
                  <Typography.Text type="secondary">{t(`field.${entity}.${c.field}`, { defaultValue: t(`history.field.${c.field}`, { defaultValue: c.field }) })}：</Typography.Text>
                  {c.before} → {c.after}
                </div>
              ))}
          </div>
        </List.Item>
      )}
    />
  );
}
