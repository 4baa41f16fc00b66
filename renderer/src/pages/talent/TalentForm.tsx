// Adding and editing a talent supply or demand item, its fields and labels from the talent model.
import { Col, Form, Input, InputNumber, Modal, Row, Segmented } from 'antd';
import { RecordModalFooter } from '../../components/RecordModalFooter';
import { useTranslation } from 'react-i18next';
import { TALENT_DIRECTIONS } from '../../../../core/contract/codes';
import type { TalentItem } from '../../../../core/talent/contract';
import { talentFields } from '../../../../core/talent/fields';
import { RestoredDraftNotice } from '../../components/Drafts';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';
import { useFormOpening } from '../../hooks/useFormOpening';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';

type TalentValues = FormValuesOf<typeof talentFields>;

export function TalentForm({ item, open, onClose }: { item: TalentItem | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TalentValues>();
  const label = (field: string) => t(`field.talent.${field}`);
  const safety = useFormSafety({ form, open, kind: 'talent', recordId: item?.id ?? null, onClose, focusField: 'field' });
  useFormOpening(form, open, item, (): TalentValues => (item ? formValuesOf(talentFields, item) : { direction: 'demand' }), safety);
  const { save, remove } = useRecordMutations({
    form,
    save: (values: TalentValues, refresh) => {
      const input = inputOfForm(talentFields, values);
      return item ? refresh('talent.update', { ...input, id: item.id }) : refresh('talent.create', input);
    },
    remove: (refresh) => refresh('talent.delete', { id: item!.id }),
    savedMessage: () => t('talent.form.saved'),
    deletedMessage: () => t('talent.form.deleted'),
    onClose: safety.closeDone,
  });
  return (
    <Modal
      open={open}
      onCancel={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={720}
      title={item ? t('talent.form.editTitle') : t('talent.form.newTitle')}
      footer={
        <RecordModalFooter
          deleteQuestion={item ? t('talent.form.deleteConfirm', { field: item.field }) : null}
          deleteLabel={t('talent.form.delete')}
          onDelete={() => remove.mutate()}
          deleting={remove.isPending}
          onCancel={safety.requestClose}
          onSave={() => form.submit()}
          saving={save.isPending}
        />
      }
    >
      <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
      <Form<TalentValues> form={form} name="talent" layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={safety.onValuesChange}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="direction" label={label('direction')}>
              <Segmented options={TALENT_DIRECTIONS.map((d) => ({ value: d, label: t(`talentDirection.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="organizationId" label={label('organizationId')} required>
              <MemberSelect knownNames={item ? { [item.organizationId]: item.organizationName } : {}} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="field" label={label('field')} required>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="level" label={label('level')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="headcount" label={label('headcount')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="period" label={label('period')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="eventId" label={label('eventId')}>
              <EventSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={label('notes')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
