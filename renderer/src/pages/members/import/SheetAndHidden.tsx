// Which sheet of the file is read (every sheet listed with its rows; the one whose header was found
// is chosen), and what the sheet hides that is imported all the same.
import { Alert, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StageResult } from '../../../../../core/io/imports/contract';

export function SheetChoice({ staged, onChoose }: { staged: StageResult; onChoose(sheet: number): void }) {
  const { t } = useTranslation();
  if (staged.sheets.length < 2) return null;
  return (
    <Space>
      <Typography.Text strong>{t('import.sheet')}</Typography.Text>
      <Select<number>
        data-testid="import-sheet"
        aria-label={t('import.sheet')}
        value={staged.sheet}
        onChange={onChoose}
        style={{ minWidth: 260 }}
        options={staged.sheets.map((s) => ({
          value: s.number,
          disabled: Boolean(s.problem),
          label: [t('import.sheetOption', { name: s.name, rows: s.rows }), s.hidden ? t('import.sheetHidden') : '', s.problem ? t('import.sheetProblem') : ''].filter(Boolean).join(' · '),
        }))}
      />
    </Space>
  );
}

export function HiddenNotice({ staged }: { staged: StageResult }) {
  const { t } = useTranslation();
  if (staged.hiddenRowCount === 0 && staged.hiddenColumns.length === 0) return null;
  const list = staged.hiddenRows.length > 0 ? `（${staged.hiddenRows.slice(0, 20).join('、')}${staged.hiddenRowCount > 20 ? '…' : ''}）` : '';
  const columns = staged.hiddenColumns.length > 0 ? t('import.hiddenColumns', { columns: staged.hiddenColumns.join('、') }) : '';
  return <Alert type="info" showIcon data-testid="import-hidden" message={t('import.hidden', { rows: staged.hiddenRowCount, list, columns })} />;
}
