// The roster as clerks print it: grouped by category in the domain order, each heading with its count.
import { Alert, Button, Checkbox, Empty, Select, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, OrganizationCategory } from '../../../../core/contract/codes';
import { ROSTER_ORDERS, type RosterOrder, type RosterRow } from '../../../../core/members/contract';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { errorText } from '../../api/errors';
import { ExportMenu } from '../../components/ExportMenu';
import { PrintPreview } from '../../components/PrintPreview';

/** The register's filters the roster follows (its statuses are always the roster's own). */
export interface RosterFilter {
  categories: OrganizationCategory[];
  roles: MemberRole[];
  text?: string;
}

export function RosterView({ filter }: { filter: RosterFilter }) {
  const { t } = useTranslation();
  const [includeUscc, setIncludeUscc] = useState(false);
  const [order, setOrder] = useState<RosterOrder>('rolePinyin');
  const [previewing, setPreviewing] = useState(false);
  const roster = useApiQuery('reports.roster', { ...filter, includeUscc, order });
  if (roster.isPending) return <Spin style={{ margin: 40 }} />;
  if (roster.isError) return <Alert type="error" showIcon message={errorText(t, roster.error)} />;
  const { groups, allianceName, total } = roster.data;
  if (groups.length === 0) return <Empty description={t('roster.empty')} style={{ marginTop: 60 }} />;

  const columns = [
    { title: t('members.col.seq'), dataIndex: 'seq', width: 64 },
    { title: t('members.col.name'), dataIndex: 'name' },
    { title: t('members.col.role'), dataIndex: 'role', width: 170, render: (role: RosterRow['role']) => t(`role.${role}`) },
    { title: t('members.col.contact'), dataIndex: 'contactName', width: 100 },
    { title: t('members.col.contactTitle'), dataIndex: 'contactTitle', width: 140 },
    { title: t('members.col.phone'), dataIndex: 'contactPhone', width: 140 },
  ];
  return (
    <div style={{ overflow: 'auto', padding: '0 20px 24px' }} data-testid="roster">
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {allianceName ? t('roster.title', { name: allianceName }) : t('roster.untitled')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('roster.total', { count: total })}
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<RosterOrder>
          value={order}
          onChange={setOrder}
          aria-label={t('roster.order')}
          style={{ width: 170 }}
          options={ROSTER_ORDERS.map((o) => ({ value: o, label: t(`roster.orders.${o}`) }))}
        />
        <ExportMenu formats={EXPORTS.roster} exportAs={(format, job) => call('exports.roster', { ...filter, format, includeUscc, order }, job)} />
        <Button onClick={() => setPreviewing(true)}>{t('exports.preview')}</Button>
        <Checkbox checked={includeUscc} onChange={(e) => setIncludeUscc(e.target.checked)}>
          {t('exports.internal')}
        </Checkbox>
        <ExportMenu formats={EXPORTS.contacts} label={t('exports.contacts')} exportAs={(format, job) => call('exports.contacts', { ...filter, format, order }, job)} />
        <ExportMenu formats={EXPORTS.council} label={t('exports.council')} exportAs={(format, job) => call('exports.council', { format, order: order === 'pinyin' || order === 'rolePinyin' ? 'rolePinyin' : 'roleStroke' }, job)} />
      </Space>
      <PrintPreview open={previewing} onClose={() => setPreviewing(false)} input={{ report: 'roster', ...filter, includeUscc, order }} />
      {groups.map((group) => (
        <section key={group.category}>
          <Typography.Title level={4} data-testid="roster-heading">
            {t('roster.heading', { label: t(`categoryGroup.${group.category}`), count: group.count, counter: t(`counter.${group.category}`) })}
          </Typography.Title>
          <Table<RosterRow> rowKey="id" size="small" pagination={false} columns={columns} dataSource={group.rows} />
        </section>
      ))}
    </div>
  );
}
