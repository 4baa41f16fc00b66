// Which field each column of the file holds; suggested from the header names, changed here.
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../../core/io/imports/columns';

export function ColumnMapping({
  headers,
  fields,
  mapping,
  onChange,
}: {
  headers: string[];
  fields: readonly ImportField[];
  mapping: (ImportField | null)[];
  onChange(next: (ImportField | null)[]): void;
}) {
  const { t } = useTranslation();
  const choose = (index: number, field: ImportField | null) => {
    // A field can come from one column only: choosing it here frees it elsewhere.
    const next = mapping.map((f, i) => (i === index ? field : f === field ? null : f));
    onChange(next);
  };
  return (
    <div>
      <Typography.Text strong>{t('import.mapping')}</Typography.Text>
      <Space wrap style={{ marginTop: 8 }} data-testid="column-mapping">
        {headers.map((header, index) => (
          <Space.Compact key={index}>
            <Typography.Text code style={{ padding: '4px 6px', whiteSpace: 'nowrap' }}>
              {header || `#${index + 1}`}
            </Typography.Text>
            <Select<ImportField | 'ignore'>
              size="small"
              aria-label={`${t('import.column')} ${header || index + 1}`}
              value={mapping[index] ?? 'ignore'}
              onChange={(value) => choose(index, value === 'ignore' ? null : value)}
              style={{ width: 150 }}
              options={[{ value: 'ignore' as const, label: t('import.ignore') }, ...fields.map((f) => ({ value: f, label: t(`import.field.${f}`) }))]}
            />
          </Space.Compact>
        ))}
      </Space>
    </div>
  );
}
