import { Button, Checkbox, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIXED_COLUMNS, MEMBER_COLUMNS, type MemberColumn } from './columns';

export function ColumnChooser(props: { visibility: Record<MemberColumn, boolean>; onChange(next: Record<MemberColumn, boolean>): void }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: MEMBER_COLUMNS.filter((c) => !FIXED_COLUMNS.includes(c)).map((column) => ({
          key: column,
          label: (
            <Checkbox
              checked={props.visibility[column]}
              onChange={(event) => props.onChange({ ...props.visibility, [column]: event.target.checked })}
              onClick={(event) => event.stopPropagation()}
            >
              {t(`members.col.${column}`)}
            </Checkbox>
          ),
        })),
      }}
    >
      <Button>{t('members.columns')}</Button>
    </Dropdown>
  );
}
