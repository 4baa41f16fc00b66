// Meeting events, newest first.
import { Button, Empty, Input, Space, Table, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, type EventType } from '../../../../core/contract/codes';
import type { EventRow } from '../../../../core/events/contract';
import { useApiQuery } from '../../api/queries';
import { errorText } from '../../api/errors';
import { CodeFilter } from '../../components/CodeFilter';
import { EventForm } from './EventForm';
import { DraftsBar } from '../../components/Drafts';

export function EventsPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [types, setTypes] = useState<EventType[]>([]);
  const [form, setForm] = useState<{ open: boolean; id: string | null }>({ open: params.has('open'), id: params.get('open') });
  const deferred = useDeferredValue(text);
  const input = { text: deferred.trim() || undefined, types };
  const list = useApiQuery('events.list', input);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div style={{ padding: '12px 16px 0' }}>
        <DraftsBar kind="event" openRecordId={form.open ? form.id : undefined} onResume={(id) => setForm({ open: true, id })} />
      </div>
      <Space wrap style={{ padding: '12px 16px' }}>
        <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('events.searchPlaceholder')} aria-label={t('events.searchPlaceholder')} style={{ width: 280 }} />
        <CodeFilter codes={EVENT_TYPES} labelPrefix="eventType" nameKey="events.typeFilter" value={types} onChange={setTypes} />
        <Button type="primary" onClick={() => setForm({ open: true, id: null })}>
          {t('events.new')}
        </Button>
        <Typography.Text type="secondary">{t('events.total', { count: list.data?.length ?? 0 })}</Typography.Text>
      </Space>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: '0 16px 16px' }}>
        <Table<EventRow>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={t('events.empty')} /> }}
          onRow={(row) => ({ onClick: () => setForm({ open: true, id: row.id }), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'date', title: t('events.col.date'), dataIndex: 'date', width: 120 },
            { key: 'time', title: t('events.col.time'), dataIndex: 'startTime', width: 80 },
            { key: 'type', title: t('events.col.type'), dataIndex: 'type', width: 130, render: (v: EventType) => t(`eventType.${v}`) },
            { key: 'title', title: t('events.col.title'), dataIndex: 'title' },
            { key: 'venue', title: t('events.col.venue'), dataIndex: 'venue', width: 180 },
            { key: 'agreements', title: t('events.col.agreements'), dataIndex: 'agreementCount', width: 80 },
            { key: 'attendance', title: t('events.col.attendance'), dataIndex: 'attendanceCount', width: 100 },
          ]}
        />
      </div>
      <EventForm open={form.open} eventId={form.id} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </div>
  );
}
