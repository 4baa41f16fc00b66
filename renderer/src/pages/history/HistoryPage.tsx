// The alliance-wide activity list: searchable, filtered by kind of record, action and days, each
// entry opening its fields in the clerk's words; deleted records can be brought back from here.
import { App, Button, DatePicker, Input, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeSummary } from '../../../../core/history/contract';
import { CHANGE_ENTITIES, type ChangeEntity } from '../../../../core/history/fields';
import { errorText } from '../../api/errors';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ChangeDetails } from '../../history/ChangeDetails';

const PAGE_SIZE = 50;
const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;
// Changes made elsewhere (another window, the command line) show without a reload.
const LIVE_MS = 10_000;

export function HistoryPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<'all' | ChangeSummary['action']>('all');
  const [entity, setEntity] = useState<ChangeEntity | undefined>();
  const [text, setText] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const words = useDeferredValue(text.trim());
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const input = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    action: action === 'all' ? undefined : action,
    entity,
    text: words || undefined,
    // The clerk's own days: from her midnight to the midnight after the last day.
    since: range?.[0]?.startOf('day').toISOString(),
    until: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
  };
  const list = useApiQuery('changes.recent', input, { refetchInterval: LIVE_MS, placeholderData: (previous) => previous });
  const restore = useApiMutation('changes.restore', {
    onSuccess: () => void message.success(t('history.restored')),
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear value={text} onChange={(e) => filter(setText)(e.target.value)} placeholder={t('history.search')} aria-label={t('history.search')} style={{ width: 320 }} maxLength={200} />
        <Select<ChangeEntity>
          allowClear
          value={entity}
          onChange={filter(setEntity)}
          placeholder={t('history.entityFilter')}
          aria-label={t('history.entityFilter')}
          style={{ width: 160 }}
          options={CHANGE_ENTITIES.map((e) => ({ value: e, label: t(`history.entityName.${e}`) }))}
        />
        <DatePicker.RangePicker value={range} onChange={filter(setRange)} placeholder={[t('history.from'), t('history.to')]} allowEmpty={[true, true]} />
        <Segmented
          value={action}
          onChange={(v) => filter(setAction)(v as typeof action)}
          options={(['all', 'create', 'update', 'delete'] as const).map((a) => ({ value: a, label: t(`history.action.${a}`) }))}
        />
      </Space>
      <Table<ChangeSummary>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('history.empty') }}
        expandable={{ expandedRowRender: (row) => <ChangeDetails id={row.id} />, expandRowByClick: true }}
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
                // Not a click on the row: that opens the details.
                <span onClick={(e) => e.stopPropagation()}>
                  <Popconfirm title={t('history.restoreConfirm', { label: row.label })} onConfirm={() => restore.mutate({ id: row.id })}>
                    <Button size="small">{t('history.restore')}</Button>
                  </Popconfirm>
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
