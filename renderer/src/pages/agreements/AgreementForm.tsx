// New / edit agreement. The type follows the parties until the clerk picks one; a type the parties
// cannot have is shown with the core's reason before saving, and refused by the core on save.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, type AgreementType } from '../../../../core/contract/codes';
import { call } from '../../api/client';
import { errorText, issueText } from '../../api/errors';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import type { Agreement } from '../../../../core/agreements/contract';
import { AttachmentList } from '../../components/AttachmentList';
import { RecordHistory } from '../../components/RecordHistory';
import { EventSelect } from '../../components/EventSelect';
import { EMPTY_AGREEMENT, inputFromAgreementValues, valuesFromAgreement, type AgreementFormValues } from './agreementFormValues';
import { PartiesEditor } from './PartiesEditor';

const COMMON_TAGS = ['订单培养', '实习实训基地', '产业学院', '技术攻关', '师资互聘', '就业', '共建专业', '人才共育'];

export function AgreementForm({ open, agreementId, defaults, onClose }: { open: boolean; agreementId: string | null; defaults?: AgreementFormValues; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AgreementFormValues>();
  const [typeChosen, setTypeChosen] = useState(false);
  const agreement = useQuery({ queryKey: ['agreements.get', agreementId], queryFn: () => call('agreements.get', { id: agreementId! }), enabled: open && agreementId !== null });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(agreementId === null ? { ...EMPTY_AGREEMENT, ...defaults } : agreement.data ? valuesFromAgreement(agreement.data) : {});
    setTypeChosen(agreementId !== null);
  }, [open, agreementId, agreement.data, form, defaults]);

  // Candidates for "renews or amends": the secretariat's agreements, newest first.
  const earlier = useQuery({ queryKey: ['agreements.list', 'amends'], queryFn: () => call('agreements.list', { limit: 500 }), enabled: open });
  const parties = Form.useWatch('parties', form);
  const type = Form.useWatch('type', form);
  const status = Form.useWatch('status', form);
  const organizationIds = useMemo(() => (parties ?? []).map((p) => p?.organizationId).filter((id): id is string => Boolean(id)), [parties]);
  const suggestion = useQuery({
    queryKey: ['agreements.suggestType', organizationIds, type],
    queryFn: () => call('agreements.suggestType', { organizationIds, type }),
    enabled: open && organizationIds.length >= 2,
  });
  useEffect(() => {
    if (!typeChosen && suggestion.data && suggestion.data.suggested !== form.getFieldValue('type')) form.setFieldValue('type', suggestion.data.suggested);
  }, [suggestion.data, typeChosen, form]);

  const knownNames = useMemo(() => Object.fromEntries((agreement.data?.parties ?? []).map((p) => [p.organizationId, p.name])), [agreement.data]);
  const { save, remove } = useRecordMutations<AgreementFormValues, Agreement>({
    form,
    save: (values) => {
      const input = inputFromAgreementValues(values);
      return agreementId === null ? call('agreements.create', input) : call('agreements.update', { ...input, id: agreementId });
    },
    remove: () => call('agreements.delete', { id: agreementId! }),
    invalidate: ['agreements.list', 'agreements.get', 'events.get', 'events.list', 'dashboard.summary', 'ceremony.state'],
    savedMessage: (saved) => t('agreements.form.saved', { number: saved.number }),
    deletedMessage: () => t('agreements.form.deleted', { number: agreement.data?.number ?? '' }),
    onClose,
  });

  const problem = suggestion.data?.problem ?? null;
  const isNew = agreementId === null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={880}
      title={isNew ? t('agreements.form.newTitle') : t('agreements.form.editTitle')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      {!isNew && agreement.isPending ? (
        <Spin />
      ) : agreement.isError ? (
        <Alert type="error" showIcon message={errorText(t, agreement.error)} />
      ) : (
        <Form<AgreementFormValues> form={form} name="agreement" layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="title" label={t('agreements.form.title')} required>
                <Input maxLength={300} autoFocus={isNew} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="number" label={t('agreements.form.number')}>
                <Input maxLength={60} placeholder={t('agreements.form.numberPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('agreements.form.parties')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <PartiesEditor knownNames={knownNames} />
          </div>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={8}>
              <Form.Item
                name="type"
                label={t('agreements.form.type')}
                validateStatus={problem ? 'error' : undefined}
                help={problem ? <span data-testid="type-problem">{issueText(t, problem)}</span> : suggestion.data ? t('agreements.form.typeSuggested', { type: t(`agreementType.${suggestion.data.suggested}`) }) : undefined}
              >
                <Select<AgreementType>
                  showSearch={{ optionFilterProp: 'label' }}
                  onChange={() => setTypeChosen(true)}
                  options={AGREEMENT_TYPES.map((c) => ({ value: c, label: t(`agreementType.${c}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="status" label={t('agreements.form.status')}>
                <Select options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="signedDate" label={t('agreements.form.signedDate')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="eventId" label={t('agreements.form.event')}>
                <EventSelect />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="place" label={t('agreements.form.place')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="effectiveDate" label={t('agreements.form.effectiveDate')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="endDate" label={t('agreements.form.endDate')} extra={t('agreements.form.endOrTermHelp')}>
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="termYears" label={t('agreements.form.termYears')}>
                <InputNumber min={1} max={50} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {status === 'terminated' && (
              <Col span={8}>
                <Form.Item name="terminatedDate" label={t('agreements.form.terminatedDate')}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
            )}
            <Col span={16}>
              <Form.Item name="amendsId" label={t('agreements.form.amends')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(earlier.data?.rows ?? []).filter((a) => a.id !== agreementId).map((a) => ({ value: a.id, label: `${a.number} ${a.title}` }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="tags" label={t('agreements.form.tags')}>
                <Select mode="tags" options={COMMON_TAGS.map((tag) => ({ value: tag, label: tag }))} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="summary" label={t('agreements.form.summary')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      <Divider titlePlacement="start">{t('agreements.form.attachments')}</Divider>
      {isNew || !agreement.data ? (
        <Typography.Text type="secondary">{t('agreements.form.attachmentsHint')}</Typography.Text>
      ) : (
        <>
          <AttachmentList ownerType="agreement" ownerId={agreement.data.id} attachments={agreement.data.attachments} invalidateKey={['agreements.get', agreementId]} />
          <Divider titlePlacement="start">{t('history.title')}</Divider>
          <RecordHistory entity="agreement" id={agreement.data.id} />
          <Divider />
          <Popconfirm title={t('agreements.form.deleteConfirm', { number: agreement.data.number })} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
            <Button danger loading={remove.isPending}>
              {t('agreements.form.delete')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Drawer>
  );
}
