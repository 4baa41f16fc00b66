// The records behind one figure of the annual report: its count (or their values' sum) is the figure.
import { Drawer, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TraceItem } from '../../../../core/reports/contract';
import { useApiQuery } from '../../api/queries';
import { hrefFor, type Page } from '../../hooks/useHashRoute';

export interface TraceTarget {
  year: number;
  table: string;
  row: string;
  column: string;
  title: string;
  figure: number;
}

const PAGE_OF: Record<TraceItem['kind'], Page> = { member: 'members', agreement: 'agreements', event: 'events', project: 'projects', talent: 'talent', termChange: 'council', term: 'council' };

export function TraceDrawer({ target, onClose }: { target: TraceTarget | null; onClose(): void }) {
  const { t } = useTranslation();
  const trace = useApiQuery('reports.annualTrace', target ? { year: target.year, table: target.table, row: target.row, column: target.column } : { year: 2000, table: 'x', row: 'x', column: 'x' }, { enabled: target !== null });
  const items = trace.data ?? [];
  const summed = items.some((i) => i.value !== undefined);
  return (
    <Drawer open={target !== null} onClose={onClose} width={560} title={target?.title} destroyOnHidden>
      {target && (
        <Typography.Paragraph data-testid="trace-summary">
          {summed ? t('report.traceSum', { figure: target.figure, count: items.length }) : t('report.traceCount', { figure: target.figure })}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        loading={trace.isPending}
        dataSource={items}
        locale={{ emptyText: t('report.traceEmpty') }}
        renderItem={(item) => (
          <List.Item extra={item.value !== undefined ? item.value.toLocaleString('zh-CN') : item.detail}>
            <a href={item.kind === 'member' || item.kind === 'event' ? hrefFor(PAGE_OF[item.kind], { open: item.id }) : hrefFor(PAGE_OF[item.kind])}>{item.name}</a>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
