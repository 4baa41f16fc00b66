// New / edit agreement. The type follows the parties until the clerk picks one; a type the parties
// cannot have is shown with the core's reason before saving, and refused by the core on save.
// Data and actions: useAgreementForm.
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, COMMON_AGREEMENT_TAGS, type AgreementType } from '../../../../core/contract/codes';
import { errorText, issueText } from '../../api/errors';
import { AttachmentList } from '../../components/AttachmentList';
import { RestoredDraftNotice } from '../../components/Drafts';
import { EventSelect } from '../../components/EventSelect';
import { RecordHistory } from '../../components/RecordHistory';
import { RelatedProjects } from '../projects/RelatedProjects';
import type { AgreementFormValues } from './agreementFormValues';
import { PartiesEditor } from './PartiesEditor';
import { useAgreementForm, type AgreementFormProps } from './useAgreementForm';


export function AgreementForm(props: AgreementFormProps) {
  const { t } = useTranslation();
  const { form, agreement, earlier, suggestion, chooseType, status, knownNames, save, remove, safety } = useAgreementForm(props);
  const label = (field: string) => t(`field.agreement.${field}`);
  const problem = suggestion?.problem ?? null;
  const isNew = props.agreementId === null;
  const date = (name: keyof AgreementFormValues, extra?: string) => (
    <Form.Item name={name} label={label(name)} extra={extra}>
      <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
    </Form.Item>
  );
  return (
    <Drawer
      open={props.open}
      onClose={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={880}
      title={isNew ? t('agreements.form.newTitle') : t('agreements.form.editTitle')}
      extra={
        <Space>
          <Button onClick={safety.requestClose}>{t('form.cancel')}</Button>
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
        <Form<AgreementFormValues> form={form} name="agreement" layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={safety.onValuesChange}>
          <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="title" label={label('title')} required>
                <Input maxLength={300} autoFocus={isNew} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="number" label={label('number')}>
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
                label={label('type')}
                validateStatus={problem ? 'error' : undefined}
                help={problem ? <span data-testid="type-problem">{issueText(t, problem)}</span> : suggestion ? t('agreements.form.typeSuggested', { type: t(`agreementType.${suggestion.suggested}`) }) : undefined}
              >
                <Select<AgreementType> showSearch={{ optionFilterProp: 'label' }} onChange={chooseType} options={AGREEMENT_TYPES.map((c) => ({ value: c, label: t(`agreementType.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="status" label={label('status')}>
                <Select options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>{date('signedDate')}</Col>
            <Col span={8}>
              <Form.Item name="eventId" label={label('eventId')}>
                <EventSelect />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="place" label={label('place')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={8}>{date('effectiveDate')}</Col>
            <Col span={8}>{date('endDate', t('agreements.form.endOrTermHelp'))}</Col>
            <Col span={8}>
              <Form.Item name="termYears" label={label('termYears')}>
                <InputNumber min={1} max={50} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {status === 'terminated' && <Col span={8}>{date('terminatedDate')}</Col>}
            <Col span={16}>
              <Form.Item name="amendsId" label={label('amendsId')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={earlier.map((a) => ({ value: a.id, label: `${a.number} ${a.title}` }))} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="tags" label={label('tags')}>
                <Select mode="tags" options={COMMON_AGREEMENT_TAGS.map((tag) => ({ value: tag, label: tag }))} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="summary" label={label('summary')}>
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
          <AttachmentList ownerType="agreement" ownerId={agreement.data.id} attachments={agreement.data.attachments} />
          <Divider titlePlacement="start">{t('nav.projects')}</Divider>
          <RelatedProjects agreementId={agreement.data.id} />
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
