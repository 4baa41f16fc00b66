// The buttons under a record's form in a dialog: delete (after asking), cancel, save. One place, so
// every such form asks before deleting and saves the same way.
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

export function recordModalFooter(options: {
  /** Shown when the record exists: the question asked before deleting it. */
  deleteQuestion: string | null;
  deleteLabel: string;
  onDelete(): void;
  deleting: boolean;
  onCancel(): void;
  onSave(): void;
  saving: boolean;
}): React.ReactNode[] {
  return [
    options.deleteQuestion && (
      <Popconfirm key="delete" title={options.deleteQuestion} okButtonProps={{ danger: true }} onConfirm={options.onDelete}>
        <Button danger loading={options.deleting}>
          {options.deleteLabel}
        </Button>
      </Popconfirm>
    ),
    <CancelButton key="cancel" onClick={options.onCancel} />,
    <Button key="save" type="primary" onClick={options.onSave} loading={options.saving}>
      <SaveLabel />
    </Button>,
  ];
}

function CancelButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return <Button onClick={onClick}>{t('form.cancel')}</Button>;
}

function SaveLabel() {
  const { t } = useTranslation();
  return <>{t('form.save')}</>;
}
