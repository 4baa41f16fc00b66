// 年度报告: a year's figures in seven tables and three charts; every figure opens the records behind
// it; the report as docx (official layout), xlsx or pdf.
import { Alert, Button, Card, InputNumber, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORTS } from '../../../../core/io/exports/formats';
import type { AnnualTable } from '../../../../core/reports/contract';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useApiQuery } from '../../api/queries';
import { ExportMenu } from '../../components/ExportMenu';
import { AnnualCharts } from './AnnualCharts';
import { TraceDrawer, type TraceTarget } from './TraceDrawer';
import { shownTable } from './report-labels';

type Row = AnnualTable['rows'][number];

function FigureTable({ table, year, onTrace }: { table: AnnualTable; year: number; onTrace(target: TraceTarget): void }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={table.rows}
      rowClassName={(r) => (r.key === 'total' ? 'report-total-row' : '')}
      columns={[
        { key: 'label', title: t('report.item'), dataIndex: 'label', width: 160 },
        ...table.columns.map((column, i) => ({
          key: column.key,
          title: column.label,
          align: 'right' as const,
          render: (_v: unknown, row: Row) => (
            <Button
              type="link"
              size="small"
              aria-label={t('report.figureOf', { table: table.title, row: row.label, column: column.label })}
              onClick={() => onTrace({ year, table: table.key, row: row.key, column: column.key, title: `${table.title} · ${row.label} · ${column.label}`, figure: row.values[i]! })}
            >
              {row.values[i]!.toLocaleString('zh-CN')}
            </Button>
          ),
        })),
      ]}
    />
  );
}

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [trace, setTrace] = useState<TraceTarget | null>(null);
  const report = useApiQuery('reports.annual', { year });
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('report.year')}</span>
        <InputNumber aria-label={t('report.year')} min={1990} max={2100} precision={0} value={year} onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && setYear(v)} />
        <ExportMenu formats={EXPORTS.annual} label={t('exports.annual')} exportAs={(format, job) => call('exports.annual', { year, format }, job)} />
        <Typography.Text type="secondary">{t('report.hint')}</Typography.Text>
      </Space>
      {report.isPending && <Spin style={{ margin: 40 }} />}
      {report.isError && <Alert type="error" showIcon message={errorText(t, report.error)} />}
      {report.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('report.charts', { year })}>
            <AnnualCharts report={report.data} />
          </Card>
          {report.data.tables.map((written) => shownTable(t, i18n.language, written)).map((table) => (
            <Card key={table.key} title={table.title} size="small">
              <FigureTable table={table} year={year} onTrace={setTrace} />
            </Card>
          ))}
        </Space>
      )}
      <TraceDrawer target={trace} onClose={() => setTrace(null)} />
    </div>
  );
}
