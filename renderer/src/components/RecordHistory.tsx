// One record's change log: when, what, and the fields before → after, in the clerk's words.
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';
import { ChangeFields } from '../history/ChangeDetails';

type Entity = 'organization' | 'agreement' | 'event';

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
            {entry.action === 'update' && <ChangeFields entry={entry} />}
          </div>
        </List.Item>
      )}
    />
  );
}
