// The roster as clerks print it: grouped by category in the domain order, each heading with its count.
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Empty, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../core/types';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { ExportMenu } from '../../components/ExportMenu';

export function RosterView() {
  const { t } = useTranslation();
  const roster = useQuery({ queryKey: ['reports.roster'], queryFn: () => call('reports.roster', {}) });
  const [includeUscc, setIncludeUscc] = useState(false);
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
      <Space style={{ marginBottom: 12 }}>
        <ExportMenu exportAs={(format) => call('exports.roster', { format, includeUscc })} />
        <Checkbox checked={includeUscc} onChange={(e) => setIncludeUscc(e.target.checked)}>
          {t('exports.internal')}
        </Checkbox>
      </Space>
      {groups.map((group) => (
        <section key={group.category}>
          <Typography.Title level={4} data-testid="roster-heading">
            {t('roster.heading', { label: t(`category.${group.category}`), count: group.count, counter: t(`counter.${group.category}`) })}
          </Typography.Title>
          <Table<RosterRow> rowKey="id" size="small" pagination={false} columns={columns} dataSource={group.rows} />
        </section>
      ))}
    </div>
  );
}
