// One change's fields in the clerk's words: before → after for an update, what the record held for a
// create or a delete.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry } from '../../../core/history/contract';
import { useApiQuery } from '../api/queries';
import { describeChange } from './change-text';

export function ChangeFields({ entry }: { entry: Pick<ChangeLogEntry, 'entity' | 'action' | 'before' | 'after'> }) {
  const { t } = useTranslation();
  const changes = describeChange(t, entry);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('history.noDetails')}</Typography.Text>;
  return (
    <div data-testid="change-fields">
      {changes.map((c) => (
        <div key={c.field}>
          <Typography.Text type="secondary">{c.label}：</Typography.Text>
          {entry.action === 'update' ? `${c.before} → ${c.after}` : entry.action === 'delete' ? c.before : c.after}
        </div>
      ))}
    </div>
  );
}

/** A change of the activity list, fetched when its row is opened. */
export function ChangeDetails({ id }: { id: number }) {
  const entry = useApiQuery('changes.get', { id });
  if (!entry.data) return null;
  return <ChangeFields entry={entry.data} />;
}
