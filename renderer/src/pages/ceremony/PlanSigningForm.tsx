// Adds one signing to the ceremony's order: a draft agreement with its parties and representatives.
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TYPES, type AgreementType } from '../../../../core/contract/codes';
import { errorText } from '../../api/errors';
import { clearChangedErrors, showFieldErrors } from '../../api/formErrors';
import { RestoredDraftNotice } from '../../components/Drafts';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useApiMutation } from '../../api/queries';
import { PartiesEditor } from '../agreements/PartiesEditor';
import { partyInputOf, type PartyValues } from '../agreements/agreementFormValues';

interface SigningValues {
  title?: string;
  type?: AgreementType;
  termYears?: number | null;
  parties?: PartyValues[];
}

export function PlanSigningForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SigningValues>();
  // A signing half typed survives a reload or leaving the page as a draft (one per event); Esc offers
  // to throw it away, Ctrl+S adds it, as in the record forms.
  const safety = useFormSafety({ form, open: true, kind: 'signing', recordId: eventId, onClose: () => undefined, focusField: 'title' });
  useEffect(() => {
    safety.markClean();
    // (Once per event: the form starts empty.)
  }, [eventId]);
  const plan = useApiMutation('ceremony.plan', {
    onSuccess: (_state, input) => {
      message.success(t('ceremony.added', { title: input.signings[0]?.title }));
      form.resetFields();
      safety.closeDone();
      safety.markClean();
    },
    onError: (error) => {
      // The plan input nests the signing: signings.0.parties.1.organizationId → parties.1.organizationId.
      if (showFieldErrors(form, error, t, (path) => path.replace(/^signings\.0\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))) return;
      message.error(errorText(t, error));
    },
  });
  return (
    <Card title={t('ceremony.add')} size="small">
      <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
      <Form<SigningValues>
        form={form}
        name="signing"
        layout="vertical"
        className={safety.rootClassName}
        initialValues={{ parties: [{}, {}] }}
        onValuesChange={(changed) => {
          clearChangedErrors(form, changed);
          safety.onValuesChange();
        }}
        onFinish={(v) => !plan.isPending && plan.mutate({ eventId, signings: [{ title: v.title ?? '', type: v.type, termYears: v.termYears ?? null, parties: (v.parties ?? []).map(partyInputOf) }] })}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="title" label={t('field.agreement.title')} required>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label={t('field.agreement.type')}>
              <Select allowClear options={AGREEMENT_TYPES.map((c) => ({ value: c, label: t(`agreementType.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="termYears" label={t('field.agreement.termYears')}>
              <InputNumber min={1} max={50} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <PartiesEditor knownNames={{}} />
        <Button type="primary" htmlType="submit" loading={plan.isPending} style={{ marginTop: 12 }}>
          {t('ceremony.addButton')}
        </Button>
      </Form>
    </Card>
  );
}
