// Adding and editing a plaque (to a member unit) or an appointment letter (to a person and their unit).
import { Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import { RecordModalFooter } from '../../components/RecordModalFooter';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { clearChangedErrors } from '../../api/formErrors';
import { EventSelect } from '../../components/EventSelect';
import { MemberSelect } from '../../components/MemberSelect';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { useFormSafety } from '../../hooks/useFormSafety';
import { RestoredDraftNotice } from '../../components/Drafts';

interface AwardValues {
  number?: string;
  title?: string;
  organizationId?: string | null;
  personName?: string;
  date?: Dayjs | null;
  validUntil?: Dayjs | null;
  eventId?: string | null;
  notes?: string;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function AwardForm({ kind, award, open, onClose }: { kind: AwardKind; award: Award | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AwardValues>();
  // As every record form: closing with changes asks, Esc and Ctrl+S work, unsaved work is a draft.
  const safety = useFormSafety({ form, open, kind, recordId: award?.id ?? null, onClose, focusField: 'title' });
  const label = (field: string) => t(`awards.${kind}.${field}`, { defaultValue: t(`field.award.${field}`) });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      award
        ? { number: award.number, title: award.title, organizationId: award.organizationId, personName: award.personName ?? '', date: dayjs(award.date), validUntil: award.validUntil ? dayjs(award.validUntil) : null, eventId: award.eventId, notes: award.notes ?? '' }
        : { date: dayjs() },
    );
    safety.markClean();
    // (The safety's functions are new each render; what the form opened with is what matters.)
  }, [open, award, form]);
  const { save, remove } = useRecordMutations({
    form,
    save: (v: AwardValues, refresh) => {
      const input = { kind, number: v.number || null, title: v.title ?? '', organizationId: v.organizationId ?? null, personName: v.personName || null, date: iso(v.date) ?? '', validUntil: iso(v.validUntil), eventId: v.eventId ?? null, notes: v.notes || null };
      return award ? refresh('awards.update', { ...input, id: award.id }) : refresh('awards.create', input);
    },
    remove: (refresh) => refresh('awards.delete', { id: award!.id }),
    savedMessage: (saved) => t('awards.saved', { number: saved.number }),
    deletedMessage: () => t('awards.deleted'),
    onClose: safety.closeDone,
  });
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
      <Form<AwardValues> form={form} name={`award-${kind}`} layout="vertical" onFinish={(v) => save.mutate(v)}
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
            <Form.Item name="number" label={label('number')} extra={t('awards.numberHint')}>
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
