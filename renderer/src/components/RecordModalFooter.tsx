// The buttons under a record's form in a dialog: delete (after asking), cancel, save. One place, so
// every such form asks before deleting and saves the same way.
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

export function RecordModalFooter(props: {
  /** Shown when the record exists: the question asked before deleting it. */
  deleteQuestion: string | null;
  deleteLabel: string;
  onDelete(): void;
  deleting: boolean;
  onCancel(): void;
  onSave(): void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.deleteQuestion && (
        <Popconfirm title={props.deleteQuestion} okButtonProps={{ danger: true }} onConfirm={props.onDelete}>
          <Button danger loading={props.deleting}>
            {props.deleteLabel}
          </Button>
        </Popconfirm>
      )}
      <Button onClick={props.onCancel}>{t('form.cancel')}</Button>
      <Button type="primary" onClick={props.onSave} loading={props.saving}>
        {t('form.save')}
      </Button>
    </>
  );
}
