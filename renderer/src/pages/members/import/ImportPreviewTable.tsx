// The preview: every row with its result and the reason, filterable by result; rows matching a
// member get their own choice of skip / fill / overwrite.
import { Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateAction, ImportPreviewRow, RowStatus } from '../../../../../core/io/imports/contract';
import { issueText } from '../../../api/errors';

const STATUS_COLORS: Record<RowStatus, string> = { new: 'green', update: 'blue', duplicate: 'default', error: 'red', skipped: 'default' };

export function ImportPreviewTable({
  rows,
  counts,
  onRowAction,
}: {
  rows: ImportPreviewRow[];
  counts: Record<RowStatus, number>;
  onRowAction(rowNumber: number, action: DuplicateAction): void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<RowStatus | 'all'>(counts.error > 0 ? 'error' : 'all');
  const visible = shown === 'all' ? rows : rows.filter((r) => r.status === shown);

  const issues = (list: ImportPreviewRow['issues']) => list.map((i) => `${i.field ? `${t(`import.field.${i.field}`)}：` : ''}${issueText(t, i)}`).join('；');
  const detail = (row: ImportPreviewRow) => {
    if (row.skipReason) return t(`import.skipReason.${row.skipReason}`);
    if (row.issues.length > 0) return issues(row.issues);
    const parts: string[] = [];
    if (row.match) {
      const by = row.match.by === 'row' ? t('import.matchBy.row', { row: row.match.row }) : t(`import.matchBy.${row.match.by}`);
      parts.push(row.match.by === 'row' ? by : t('import.matched', { name: row.match.name, by }));
      if (row.match.by !== 'row') {
        if (row.action === 'skip') parts.push(t('import.willSkip'));
        else parts.push(row.changes.length > 0 ? t('import.changes', { fields: row.changes.map((f) => t(`import.field.${f}`)).join('、') }) : t('import.nothingToChange'));
      }
    }
    if (row.differs.length > 0) parts.push(t('import.differs', { fields: row.differs.map((f) => t(`import.field.${f}`)).join('、') }));
    if (row.categoryFromSection) parts.push(t('import.fromSection'));
    if (row.contactCount > 1) parts.push(t('import.contactCount', { count: row.contactCount }));
    if (row.warnings.length > 0) parts.push(issues(row.warnings));
    return parts.join('；');
  };

  return (
    <div>
      <Segmented
        value={shown}
        onChange={(v) => setShown(v as RowStatus | 'all')}
        options={(['all', 'new', 'update', 'duplicate', 'error', 'skipped'] as const).map((s) => ({
          value: s,
          label: `${t(`import.status.${s}`)} ${s === 'all' ? rows.length : counts[s]}`,
        }))}
        style={{ marginBottom: 8 }}
      />
      <Table<ImportPreviewRow>
        rowKey="rowNumber"
        size="small"
        data-testid="import-preview"
        dataSource={visible}
        pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ y: 420 }}
        columns={[
          { title: t('import.col.row'), dataIndex: 'rowNumber', width: 64 },
          { title: t('import.col.status'), dataIndex: 'status', width: 76, render: (s: RowStatus) => <Tag color={STATUS_COLORS[s]}>{t(`import.status.${s}`)}</Tag> },
          { title: t('import.col.name'), dataIndex: 'name', render: (name: string | null, row) => name ?? <Typography.Text type="secondary">{row.cells.filter(Boolean).join(' ')}</Typography.Text> },
          { title: t('import.col.category'), dataIndex: 'category', width: 110, render: (c: string | null) => (c ? t(`category.${c}`) : '') },
          { title: t('import.col.role'), dataIndex: 'role', width: 130, render: (r: string | null) => (r ? t(`role.${r}`) : '') },
          { title: t('import.col.contact'), dataIndex: 'contactName', width: 90 },
          { title: t('import.col.detail'), key: 'detail', render: (_, row) => detail(row) },
          {
            title: t('import.col.action'),
            key: 'action',
            width: 150,
            render: (_, row) =>
              // A choice only where one would change something: a row that matches and brings nothing new has none.
              row.match && row.match.by !== 'row' && row.status !== 'error' && (row.changes.length > 0 || row.differs.length > 0) ? (
                <Select<DuplicateAction>
                  size="small"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={row.action ?? 'skip'}
                  onChange={(action) => onRowAction(row.rowNumber, action)}
                  aria-label={t('import.col.action')}
                  style={{ width: 140 }}
                  options={(['skip', 'fill', 'overwrite'] as const).map((a) => ({ value: a, label: t(`import.action.${a}`) }))}
                />
              ) : null,
          },
        ]}
      />
    </div>
  );
}
