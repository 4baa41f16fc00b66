// The dashboard's year view: the annual report's charts for a year the clerk picks, and the way to
// the report with every figure behind them.
import { Card, InputNumber, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { hrefFor } from '../../hooks/useHashRoute';
import { AnnualCharts } from '../report/AnnualCharts';

export function YearView() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useApiQuery('reports.annual', { year });
  return (
    <Card
      title={
        <Space>
          {t('report.yearView')}
          <InputNumber size="small" aria-label={t('report.year')} min={1990} max={2100} precision={0} value={year} onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && setYear(v)} />
        </Space>
      }
      extra={<a href={hrefFor('report')}>{t('report.openReport')}</a>}
    >
      {report.data ? <AnnualCharts report={report.data} /> : <Spin />}
    </Card>
  );
}
