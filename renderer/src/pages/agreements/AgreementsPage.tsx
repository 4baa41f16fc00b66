// The agreement list: filtered and sorted by the core; filters can arrive in the address (dashboard links).
import { keepPreviousData } from '@tanstack/react-query';
import { Button, DatePicker, Empty, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../core/contract/registry';
import { AGREEMENT_STATES, AGREEMENT_TYPES, type AgreementState, type AgreementType } from '../../../../core/contract/codes';
import type { AgreementRow } from '../../../../core/agreements/contract';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { errorText } from '../../api/errors';
import { AgreementStateTag } from '../../components/AgreementStateTag';
import { CodeFilter } from '../../components/CodeFilter';
import { ExportMenu } from '../../components/ExportMenu';
import { PrintPreview } from '../../components/PrintPreview';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';
import { AgreementForm } from './AgreementForm';
import { DraftsBar } from '../../components/Drafts';

const PAGE_SIZE = 50;

type Sort = NonNullable<ApiInput<'agreements.list'>['sort']>;

export function AgreementsPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [types, setTypes] = useState<AgreementType[]>(() => params.getAll('type').filter((v): v is AgreementType => (AGREEMENT_TYPES as readonly string[]).includes(v)));
  const [states, setStates] = useState<AgreementState[]>(() => params.getAll('state').filter((v): v is AgreementState => (AGREEMENT_STATES as readonly string[]).includes(v)));
  const [organizationId, setOrganizationId] = useState<string | null>(params.get('member'));
  const [eventId, setEventId] = useState<string | null>(params.get('event'));
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [sort, setSort] = useState<{ sort: Sort; direction: 'asc' | 'desc' }>({ sort: 'signedDate', direction: 'desc' });
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const [previewing, setPreviewing] = useState(false);

  const input: ApiInput<'agreements.list'> = {
    text: text.trim() || undefined,
    types,
    states,
    organizationId: organizationId ?? undefined,
    eventId: eventId ?? undefined,
    from: range?.[0]?.format('YYYY-MM-DD') ?? null,
    to: range?.[1]?.format('YYYY-MM-DD') ?? null,
    ...sort,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  // Exports and the print preview take the list's filters, without its paging and sort.
  const exportFilters = { text: input.text, types, states, organizationId: input.organizationId, eventId: input.eventId, from: input.from, to: input.to };
  const list = useApiQuery('agreements.list', input, { placeholderData: keepPreviousData });
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const sortOrder = (key: Sort) => (sort.sort === key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div style={{ padding: '12px 16px 0' }}>
        <DraftsBar kind="agreement" openRecordId={form.open ? form.id : undefined} onResume={(id) => setForm({ open: true, id })} />
      </div>
      <Space wrap style={{ padding: '12px 16px' }}>
        <Input.Search allowClear value={text} onChange={(e) => filter(setText)(e.target.value)} placeholder={t('agreements.searchPlaceholder')} aria-label={t('agreements.searchPlaceholder')} style={{ width: 300 }} />
        <CodeFilter codes={AGREEMENT_TYPES} labelPrefix="agreementType" nameKey="agreements.typeFilter" value={types} onChange={filter(setTypes)} />
        <CodeFilter codes={AGREEMENT_STATES} labelPrefix="agreementState" nameKey="agreements.stateFilter" value={states} onChange={filter(setStates)} />
        <MemberSelect allowClear value={organizationId} onChange={filter(setOrganizationId)} placeholder={t('agreements.memberFilter')} aria-label={t('agreements.memberFilter')} style={{ width: 220 }} />
        <EventSelect value={eventId} onChange={filter(setEventId)} placeholder={t('agreements.eventFilter')} aria-label={t('agreements.eventFilter')} style={{ width: 220 }} />
        <DatePicker.RangePicker value={range} onChange={(v) => filter(setRange)(v as [Dayjs | null, Dayjs | null] | null)} aria-label={t('agreements.dateRange')} />
        <Button type="primary" onClick={() => setForm({ open: true, id: null })}>
          {t('agreements.new')}
        </Button>
        <ExportMenu formats={EXPORTS.agreements} exportAs={(format, job) => call('exports.agreements', { format, ...exportFilters }, job)} />
        <Button onClick={() => setPreviewing(true)}>{t('exports.preview')}</Button>
        <PrintPreview open={previewing} onClose={() => setPreviewing(false)} input={{ report: 'agreements', ...exportFilters }} />
        <Typography.Text type="secondary" data-testid="agreement-total">
          {t('agreements.total', { count: list.data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: '0 16px 16px' }}>
        <Table<AgreementRow>
          rowKey="id"
          size="middle"
          loading={list.isFetching && !list.data}
          dataSource={list.data?.rows ?? []}
          locale={{ emptyText: list.isError ? errorText(t, list.error) : <Empty description={types.length || states.length || text || organizationId || eventId ? t('agreements.emptyFiltered') : t('agreements.empty')} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (s?.order && s.columnKey) setSort({ sort: s.columnKey as Sort, direction: s.order === 'ascend' ? 'asc' : 'desc' });
          }}
          onRow={(row) => ({ onClick: () => setForm({ open: true, id: row.id }), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'number', title: t('agreements.col.number'), dataIndex: 'number', width: 150, sorter: true, sortOrder: sortOrder('number') },
            { key: 'title', title: t('agreements.col.title'), dataIndex: 'title' },
            { key: 'type', title: t('agreements.col.type'), dataIndex: 'type', width: 110, render: (v: AgreementType) => t(`agreementType.${v}`) },
            {
              key: 'parties',
              title: t('agreements.col.parties'),
              render: (_: unknown, row) => row.parties.map((p) => p.name).join('、'),
            },
            { key: 'signedDate', title: t('agreements.col.signedDate'), dataIndex: 'signedDate', width: 120, sorter: true, sortOrder: sortOrder('signedDate') },
            { key: 'event', title: t('agreements.col.event'), dataIndex: 'eventTitle', width: 200, ellipsis: true },
            { key: 'expiresOn', title: t('agreements.col.expiresOn'), dataIndex: 'expiresOn', width: 120, sorter: true, sortOrder: sortOrder('expiresOn') },
            { key: 'state', title: t('agreements.col.state'), dataIndex: 'state', width: 100, render: (v: AgreementState) => <AgreementStateTag state={v} /> },
          ]}
        />
      </div>
      <AgreementForm open={form.open} agreementId={form.id} onClose={() => setForm((f) => ({ ...f, open: false }))} />
    </div>
  );
}
