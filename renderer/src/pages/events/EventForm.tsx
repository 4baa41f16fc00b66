// New / edit meeting event: agenda in order, attendance with a one-click "everyone came", minutes,
// files, the agreements signed at it, and the way into its signing ceremony.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, List, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, ATTENDANCE_STATUSES, EVENT_TYPES } from '../../../../core/contract/codes';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { AttachmentList } from '../../components/AttachmentList';
import { ExportMenu } from '../../components/ExportMenu';
import { MemberSelect } from '../../components/MemberSelect';
import { hrefFor } from '../../hooks/useHashRoute';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import type { MeetingEvent } from '../../../../core/events/contract';
import { AgreementStateTag } from '../../components/AgreementStateTag';
import { EMPTY_EVENT, inputFromEventValues, knownNamesOf, valuesFromEvent, type EventFormValues } from './eventFormValues';

export function EventForm({ open, eventId, onClose }: { open: boolean; eventId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventFormValues>();
  const event = useQuery({ queryKey: ['events.get', eventId], queryFn: () => call('events.get', { id: eventId! }), enabled: open && eventId !== null });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(eventId === null ? EMPTY_EVENT : event.data ? valuesFromEvent(event.data) : {});
  }, [open, eventId, event.data, form]);
  const knownNames = useMemo(() => knownNamesOf(event.data), [event.data]);
  const { save, remove } = useRecordMutations<EventFormValues, MeetingEvent>({
    form,
    save: (values) => {
      const input = inputFromEventValues(values);
      return eventId === null ? call('events.create', input) : call('events.update', { ...input, id: eventId });
    },
    remove: () => call('events.delete', { id: eventId! }),
    invalidate: ['events.list', 'events.get', 'dashboard.summary', 'ceremony.state'],
    savedMessage: (saved) => t('events.form.saved', { title: saved.title }),
    deletedMessage: () => t('events.form.deleted', { title: event.data?.title ?? '' }),
    onClose,
  });
  const markAllAttended = () => {
    const attendance = (form.getFieldValue('attendance') as EventFormValues['attendance']) ?? [];
    form.setFieldValue(
      'attendance',
      attendance.map((a) => (a.status === 'invited' || !a.status ? { ...a, status: 'attended' } : a)),
    );
  };

  const isNew = eventId === null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={900}
      title={isNew ? t('events.form.newTitle') : t('events.form.editTitle')}
      extra={
        <Space>
          {!isNew && (
            <>
              <ExportMenu formats={['docx', 'pdf'] as const} label={t('exports.meetingRecord')} exportAs={(format) => call('exports.meeting', { id: eventId, format, part: 'both' })} />
              <ExportMenu formats={['docx', 'pdf'] as const} label={t('exports.signIn')} exportAs={(format) => call('exports.meeting', { id: eventId, format, part: 'signIn' })} />
              <Button href={hrefFor('ceremony', { event: eventId })} onClick={onClose}>
                {t('events.form.ceremony')}
              </Button>
            </>
          )}
          <Button onClick={onClose}>{t('form.cancel')}</Button>
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
        <Form<EventFormValues> form={form} name="event" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="title" label={t('events.form.title')} required>
                <Input maxLength={300} autoFocus={isNew} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="type" label={t('events.form.type')} required>
                <Select options={EVENT_TYPES.map((c) => ({ value: c, label: t(`eventType.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="date" label={t('events.form.date')} required>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="startTime" label={t('events.form.startTime')}>
                <Input placeholder="09:00" maxLength={5} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="endTime" label={t('events.form.endTime')}>
                <Input placeholder="11:30" maxLength={5} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="venue" label={t('events.form.venue')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="organizers" label={t('events.form.organizers')}>
                <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('events.form.agenda')}</Divider>
          <Form.List name="agenda">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key}>
                    <Col span={1}>
                      <Typography.Text type="secondary">{index + 1}</Typography.Text>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'kind']} initialValue="speech">
                        <Select aria-label={`${t('events.form.kind')} ${index + 1}`} options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`agendaKind.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[field.name, 'title']}>
                        <Input placeholder={t('events.form.itemTitle')} aria-label={`${t('events.form.itemTitle')} ${index + 1}`} maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[field.name, 'presenterName']}>
                        <Input placeholder={t('events.form.presenterName')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'presenterOrganizationId']}>
                        <MemberSelect allowClear knownNames={knownNames} placeholder={t('events.form.presenterOrganization')} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Space size={0}>
                        <Button type="text" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="↑">
                          ↑
                        </Button>
                        <Button type="text" danger onClick={() => remove(field.name)}>
                          {t('events.form.remove')}
                        </Button>
                      </Space>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" block onClick={() => add({ kind: 'speech' })}>
                  {t('events.form.addAgenda')}
                </Button>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('events.form.attendance')}</Divider>
          <Form.List name="attendance">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key}>
                    <Col span={11}>
                      <Form.Item name={[field.name, 'organizationId']}>
                        <MemberSelect knownNames={knownNames} aria-label={`${t('events.form.organization')} ${index + 1}`} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'person']}>
                        <Input placeholder={t('events.form.person')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[field.name, 'status']} initialValue="invited">
                        <Select options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendanceStatus.${s}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Button type="text" danger onClick={() => remove(field.name)}>
                        {t('events.form.remove')}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Space>
                  <Button type="dashed" onClick={() => add({ status: 'invited' })}>
                    {t('events.form.addAttendance')}
                  </Button>
                  <Button onClick={markAllAttended} disabled={fields.length === 0}>
                    {t('events.form.allAttended')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>

          <Divider titlePlacement="start">{t('events.form.minutes')}</Divider>
          <Form.Item name="minutes">
            <Input.TextArea rows={5} maxLength={50_000} aria-label={t('events.form.minutes')} />
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
          <AttachmentList ownerType="event" ownerId={event.data.id} attachments={event.data.attachments} invalidateKey={['events.get', eventId]} />
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
