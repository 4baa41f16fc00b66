// Adds one signing to the ceremony's order: a draft agreement with its parties and representatives.
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_TYPES, type AgreementType } from '../../../../core/contract/codes';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
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
  const plan = useApiMutation('ceremony.plan', {
    onSuccess: (_state, input) => {
      message.success(t('ceremony.added', { title: input.signings[0]?.title }));
      form.resetFields();
    },
    onError: (error) => {
      // The plan input nests the signing: signings.0.parties.1.organizationId → parties.1.organizationId.
      if (showFieldErrors(form, error, t, (path) => path.replace(/^signings\.0\./, '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)))) return;
      message.error(errorText(t, error));
    },
  });
  return (
    <Card title={t('ceremony.add')} size="small">
      <Form<SigningValues> form={form} name="signing" layout="vertical" initialValues={{ parties: [{}, {}] }} onFinish={(v) => plan.mutate({ eventId, signings: [{ title: v.title ?? '', type: v.type, termYears: v.termYears ?? null, parties: (v.parties ?? []).map(partyInputOf) }] })}>
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
