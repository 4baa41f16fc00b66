// The alliance-wide activity list; deleted members and agreements can be brought back from here.
import { App, Button, Popconfirm, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeSummary } from '../../../../core/history/contract';
import { errorText } from '../../api/errors';
import { useApiMutation, useApiQuery } from '../../api/queries';

const PAGE_SIZE = 50;
const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

export function HistoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<'all' | ChangeSummary['action']>('all');
  const input = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, action: action === 'all' ? undefined : action };
  const list = useApiQuery('changes.recent', input);
  const restore = useApiMutation('changes.restore', {
    onSuccess: () => void message.success(t('history.restored')),
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={action}
        onChange={(v) => {
          setAction(v as typeof action);
          setPage(1);
        }}
        options={(['all', 'create', 'update', 'delete'] as const).map((a) => ({ value: a, label: t(`history.action.${a}`) }))}
      />
      <Table<ChangeSummary>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { key: 'at', title: t('history.at'), dataIndex: 'at', width: 190, render: (v: string) => new Date(v).toLocaleString() },
          { key: 'entity', title: t('history.entity'), dataIndex: 'entity', width: 110, render: (v: string) => t(`history.entityName.${v}`, { defaultValue: v }) },
          { key: 'action', title: t('history.actionTitle'), dataIndex: 'action', width: 90, render: (v: ChangeSummary['action']) => <Tag color={ACTION_COLORS[v]}>{t(`history.action.${v}`)}</Tag> },
          { key: 'label', title: t('history.record'), dataIndex: 'label' },
          {
            key: 'restore',
            title: '',
            width: 100,
            render: (_: unknown, row) =>
              row.restorable && (
                <Popconfirm title={t('history.restoreConfirm', { label: row.label })} onConfirm={() => restore.mutate({ id: row.id })}>
                  <Button size="small">{t('history.restore')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
