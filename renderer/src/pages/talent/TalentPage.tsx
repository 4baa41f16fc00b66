// Talent supply and demand published by members; TalentForm adds and edits items.
import { Button, Empty, Input, Segmented, Space, Table, Tag } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TALENT_DIRECTIONS, type TalentDirection } from '../../../../core/contract/codes';
import type { TalentItem } from '../../../../core/talent/contract';
import { errorText } from '../../api/errors';
import { useApiQuery } from '../../api/queries';
import { TalentForm } from './TalentForm';
import { DraftsBar } from '../../components/Drafts';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { ExportMenu } from '../../components/ExportMenu';

export function TalentPage() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<TalentDirection | 'all'>('all');
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ open: boolean; item: TalentItem | null }>({ open: false, item: null });
  const deferred = useDeferredValue(text);
  const input = { direction: direction === 'all' ? undefined : direction, text: deferred.trim() || undefined };
  const list = useApiQuery('talent.list', input);
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <DraftsBar
        kind="talent"
        openRecordId={editing.open ? (editing.item?.id ?? null) : undefined}
        onResume={(id) => {
          // A draft of an item edits that item: it is taken from the list (drafts of items no longer listed wait).
          const item = id ? list.data?.find((i) => i.id === id) : null;
          if (item !== undefined) setEditing({ open: true, item });
        }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={direction}
          onChange={(v) => setDirection(v as TalentDirection | 'all')}
          options={[{ value: 'all', label: t('dashboard.total') }, ...TALENT_DIRECTIONS.map((d) => ({ value: d, label: t(`talentDirection.${d}`) }))]}
        />
        <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('talent.searchPlaceholder')} aria-label={t('talent.searchPlaceholder')} style={{ width: 280 }} />
        <Button type="primary" onClick={() => setEditing({ open: true, item: null })}>
          {t('talent.new')}
        </Button>
        <ExportMenu formats={EXPORTS.talent} label={t('exports.talent')} exportAs={(format, job) => call('exports.talent', { format, direction: direction === 'all' ? undefined : direction }, job)} />
      </Space>
      <Table<TalentItem>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={t('talent.empty')} /> }}
        onRow={(item) => ({ onClick: () => setEditing({ open: true, item }), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'direction', title: t('field.talent.direction'), dataIndex: 'direction', width: 80, render: (d: TalentDirection) => <Tag color={d === 'supply' ? 'blue' : 'orange'}>{t(`talentDirection.${d}`)}</Tag> },
          { key: 'organization', title: t('field.talent.organizationId'), dataIndex: 'organizationName' },
          { key: 'field', title: t('field.talent.field'), dataIndex: 'field' },
          { key: 'level', title: t('field.talent.level'), dataIndex: 'level', width: 110 },
          { key: 'headcount', title: t('field.talent.headcount'), dataIndex: 'headcount', width: 90 },
          { key: 'period', title: t('field.talent.period'), dataIndex: 'period', width: 130 },
          { key: 'event', title: t('field.talent.eventId'), dataIndex: 'eventTitle', ellipsis: true },
        ]}
      />
      <TalentForm open={editing.open} item={editing.item} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
    </div>
  );
}
