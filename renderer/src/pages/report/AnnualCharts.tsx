// The year's charts (members by category, agreements by month and type, projects by kind) from the
// annual report's figures: the dashboard's year view and the report page draw the same ones.
import { Col, Row } from 'antd';
import { useMemo } from 'react';
import type { AnnualReport } from '../../../../core/reports/contract';
import { annualCharts } from '../../../../core/reports/chart-options';
import { EChart } from '../../components/EChart';

export function AnnualCharts({ report }: { report: AnnualReport }) {
  const charts = useMemo(() => annualCharts(report), [report]);
  return (
    <Row gutter={[16, 16]} data-testid="annual-charts">
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} xl={8}>
          <EChart option={chart.option} label={chart.title} height={300} />
        </Col>
      ))}
    </Row>
  );
}
