// The council as it was on a day (理事会组成名单 as of a date): the term then, the seats held that day
// and the officers, with the list exported for that day.
import { DatePicker, Empty, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilAsOf } from '../../../../core/terms/contract';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { ExportMenu } from '../../components/ExportMenu';
import { termLabel } from './term-label';

export function CouncilAsOfView() {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const iso = date.format('YYYY-MM-DD');
  const council = useApiQuery('terms.council', { date: iso });
  const data = council.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('council.asOfDate')}</span>
        <DatePicker aria-label={t('council.asOfDate')} value={date} allowClear={false} onChange={(d) => d && setDate(d)} />
        <ExportMenu formats={EXPORTS.council} label={t('exports.council')} exportAs={(format, job) => call('exports.council', { format, asOf: iso }, job)} />
      </Space>
      {data && !data.term ? (
        <Empty description={t('council.noTermOn', { date: iso })} />
      ) : (
        data && (
          <>
            <Typography.Paragraph>
              {t('council.asOfSummary', { name: termLabel(t, data.term!), count: data.members.length })}
              {data.officers.length > 0 && ` ${data.officers.map((o) => t('council.officerLine', { office: t(`office.${o.office}`), name: o.personName, unit: o.organizationName ?? '' })).join(t('council.listSeparator'))}`}
            </Typography.Paragraph>
            <Table<CouncilAsOf['members'][number]>
              rowKey="organizationId"
              size="small"
              pagination={false}
              dataSource={data.members}
              columns={[
                { key: 'seq', title: t('members.col.seq'), width: 60, render: (_v, _m, i) => i + 1 },
                { key: 'name', title: t('members.col.name'), dataIndex: 'name' },
                { key: 'category', title: t('members.col.category'), dataIndex: 'category', width: 130, render: (c: string) => t(`category.${c}`) },
                { key: 'role', title: t('council.role'), dataIndex: 'role', width: 180, render: (r: string) => t(`role.${r}`) },
              ]}
            />
          </>
        )
      )}
    </>
  );
}
