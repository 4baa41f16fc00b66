// Adding and editing a plaque (to a member unit) or an appointment letter (to a person and their unit):
// the view; its data (what it opens with, save, delete, drafts) is useAwardForm.
import { Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { AWARD_NUMBER_PREFIX_ZH, type AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { clearChangedErrors } from '../../api/formErrors';
import { RestoredDraftNotice } from '../../components/Drafts';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';
import { RecordModalFooter } from '../../components/RecordModalFooter';
import type { AwardFormValues } from './awardFormValues';
import { useAwardForm } from './useAwardForm';

export function AwardForm({ kind, award, open, onClose }: { kind: AwardKind; award: Award | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  // As every record form: closing with changes asks, Esc and Ctrl+S work, unsaved work is a draft.
  const { form, safety, save, remove } = useAwardForm({ kind, award, open, onClose });
  const label = (field: string) => t(`awards.${kind}.${field}`, { defaultValue: t(`field.award.${field}`) });
  return (
    <Modal
      open={open}
      onCancel={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={720}
      title={t(award ? `awards.${kind}.editTitle` : `awards.${kind}.newTitle`)}
      footer={
        <RecordModalFooter
          deleteQuestion={award ? t('awards.deleteConfirm', { number: award.number }) : null}
          deleteLabel={t('awards.delete')}
          onDelete={() => remove.mutate()}
          deleting={remove.isPending}
          onCancel={safety.requestClose}
          onSave={() => form.submit()}
          saving={save.isPending}
        />
      }
    >
      <Form<AwardFormValues> form={form} name={`award-${kind}`} layout="vertical" onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed) => {
          clearChangedErrors(form, changed);
          safety.onValuesChange();
        }}
      >
        <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="title" label={label('title')} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="number" label={label('number')} extra={t('awards.numberHint', { example: `${new Date().getFullYear()}-${AWARD_NUMBER_PREFIX_ZH[kind]}-001` })}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          {kind === 'appointment' && (
            <Col span={12}>
              <Form.Item name="personName" label={label('personName')} required>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="organizationId" label={label('organizationId')} required={kind === 'plaque'}>
              <MemberSelect allowClear knownNames={award?.organizationId ? { [award.organizationId]: award.organizationName ?? '' } : {}} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="date" label={label('date')} required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="validUntil" label={label('validUntil')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="eventId" label={label('eventId')}>
              <EventSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={label('notes')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
