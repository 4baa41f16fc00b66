// The legal forms (单位性质) a file gives, each with the category its rows get: a form that fits one
// category shows it as suggested; one that fits several (事业单位, 民办非企业单位) waits for the clerk.
// The answers are remembered for the next import.
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_CATEGORIES, type OrganizationCategory } from '../../../../../core/contract/codes';
import type { LegalFormQuestion } from '../../../../../core/io/imports/contract';

export function LegalForms({ forms, onChoose }: { forms: LegalFormQuestion[]; onChoose(key: string, category: OrganizationCategory): void }) {
  const { t } = useTranslation();
  if (forms.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-legal-forms">
      <Typography.Text strong>{t('import.legalForms')}</Typography.Text>
      <Table<LegalFormQuestion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={forms}
        columns={[
          { title: t('import.field.legalForm'), dataIndex: 'value', render: (value: string, form) => <span>{value} <Typography.Text type="secondary">{t('import.legalFormRows', { count: form.rows })}</Typography.Text></span> },
          {
            title: t('import.field.category'),
            key: 'category',
            width: 280,
            render: (_, form) => {
              const value = form.chosen ?? form.suggested ?? undefined;
              const options = (form.choices.length > 0 ? form.choices : ORGANIZATION_CATEGORIES).map((c) => ({ value: c, label: t(`category.${c}`) }));
              return (
                <Space>
                  <Select<OrganizationCategory>
                    showSearch={{ optionFilterProp: 'label' }}
                    size="small"
                    aria-label={`${t('import.field.legalForm')} ${form.value}`}
                    placeholder={t('import.legalFormChoose')}
                    status={value ? undefined : 'warning'}
                    value={value}
                    onChange={(category) => onChoose(form.key, category)}
                    options={options}
                    style={{ width: 180 }}
                  />
                  {!form.chosen && form.suggested && <Tag>{t('import.legalFormSuggested')}</Tag>}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}
