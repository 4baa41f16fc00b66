// New / edit meeting event: agenda in order, attendance with a one-click "everyone came", minutes,
// files, the agreements signed at it, and the way into its signing ceremony. Data: useEventForm.
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, List, Popconfirm, Row, Select, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES } from '../../../../core/contract/codes';
import { EXPORTS } from '../../../../core/io/exports/formats';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { AgreementStateTag } from '../../components/AgreementStateTag';
import { AttachmentList } from '../../components/AttachmentList';
import { RestoredDraftNotice } from '../../components/Drafts';
import { ExportMenu } from '../../components/ExportMenu';
import { hrefFor } from '../../hooks/useHashRoute';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceEditor } from './AttendanceEditor';
import type { EventFormValues } from './eventFormValues';
import { useEventForm, type EventFormProps } from './useEventForm';

export function EventForm({ open, eventId, onClose }: EventFormProps) {
  const { t } = useTranslation();
  const { form, event, knownNames, save, remove, markAllAttended, safety } = useEventForm({ open, eventId, onClose });
  const label = (field: string) => t(`field.event.${field}`);
  const isNew = eventId === null;
  // Blank rows under the invited units for walk-ins, on the sign-in sheet.
  const [spareRows, setSpareRows] = useState(5);
  return (
    <Drawer
      open={open}
      onClose={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={900}
      title={isNew ? t('events.form.newTitle') : t('events.form.editTitle')}
      extra={
        <Space>
          {!isNew && (
            <>
              <ExportMenu formats={EXPORTS.meeting} label={t('exports.meetingRecord')} exportAs={(format, job) => call('exports.meeting', { id: eventId, format, part: 'both', spareRows }, job)} />
              <ExportMenu formats={EXPORTS.signin} label={t('exports.signIn')} exportAs={(format, job) => call('exports.signIn', { id: eventId, format, spareRows }, job)} />
              <InputNumber min={0} max={200} precision={0} value={spareRows} onChange={(v) => setSpareRows(v ?? 0)} aria-label={t('exports.spareRows')} title={t('exports.spareRows')} style={{ width: 72 }} />
              <Button href={hrefFor('ceremony', { event: eventId })} onClick={onClose}>
                {t('events.form.ceremony')}
              </Button>
            </>
          )}
          <Button onClick={safety.requestClose}>{t('form.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      {!isNew && event.isPending ? (
        <Spin />
      ) : event.isError ? (
        <Alert type="error" showIcon message={errorText(t, event.error)} />
      ) : (
        <Form<EventFormValues> form={form} name="event" layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={safety.onValuesChange}>
          <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="title" label={label('title')} required>
                <Input maxLength={300} autoFocus={isNew} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="type" label={label('type')} required>
                <Select options={EVENT_TYPES.map((c) => ({ value: c, label: t(`eventType.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="date" label={label('date')} required>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="startTime" label={label('startTime')}>
                <Input placeholder="09:00" maxLength={5} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="endTime" label={label('endTime')}>
                <Input placeholder="11:30" maxLength={5} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="venue" label={label('venue')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="organizers" label={label('organizers')}>
                <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('events.form.agenda')}</Divider>
          <AgendaEditor knownNames={knownNames} />

          <Divider titlePlacement="start">{t('events.form.attendance')}</Divider>
          <AttendanceEditor knownNames={knownNames} onAllAttended={markAllAttended} />

          <Divider titlePlacement="start">{label('minutes')}</Divider>
          <Form.Item name="minutes">
            <Input.TextArea rows={5} maxLength={50_000} aria-label={label('minutes')} />
          </Form.Item>
        </Form>
      )}

      {!isNew && event.data && (
        <>
          <Divider titlePlacement="start">{t('events.form.agreements')}</Divider>
          <List
            size="small"
            dataSource={event.data.agreements}
            locale={{ emptyText: t('events.form.noAgreements') }}
            renderItem={(a) => (
              <List.Item extra={<AgreementStateTag state={a.state} />}>
                {a.number} {a.title}（{a.parties.map((p) => p.name).join('、')}）
              </List.Item>
            )}
          />
          <Divider titlePlacement="start">{t('agreements.form.attachments')}</Divider>
          <AttachmentList ownerType="event" ownerId={event.data.id} attachments={event.data.attachments} />
          <Divider />
          <Popconfirm title={t('events.form.deleteConfirm', { title: event.data.title })} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
            <Button danger loading={remove.isPending}>
              {t('events.form.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Drawer>
  );
}
