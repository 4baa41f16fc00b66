// First run: an empty database. Offer the sample alliance, or start empty with the alliance's name.
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useApiMutation } from '../../api/queries';
import { hrefFor } from '../../hooks/useHashRoute';
import { useLoadSample } from '../../hooks/useSample';
import { BackupPanel } from '../data/BackupPanel';
import { ExchangePanel } from '../data/exchange/ExchangePanel';
import { OtherDataFile } from '../data/OtherDataFile';

export function WelcomePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();

  // Either way the clerk's next work is the register, so that is where she lands.
  const toMembers = () => void (window.location.hash = hrefFor('members'));
  const loadSample = useLoadSample(toMembers);
  const startEmpty = useApiMutation('alliance.update', {
    onSuccess: toMembers,
    onError: (error) => message.error(errorText(t, error)),
  });

  return (
    <div style={{ padding: 40, overflow: 'auto' }}>
      <Typography.Title level={2}>{t('welcome.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 720 }}>
        {t('welcome.body')}
      </Typography.Paragraph>
      <Space size="large" align="start" wrap>
        <Card title={t('welcome.loadSample')} style={{ width: 360 }}>
          <Typography.Paragraph>{t('welcome.sampleHint')}</Typography.Paragraph>
          <Button type="primary" size="large" loading={loadSample.loading} onClick={loadSample.load} autoFocus>
            {t('welcome.loadSample')}
          </Button>
        </Card>
        <Card title={t('welcome.startEmpty')} style={{ width: 360 }}>
          <Form form={form} layout="vertical" onFinish={(values) => startEmpty.mutate({ name: values.name })}>
            <Form.Item name="name" label={t('welcome.allianceName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input placeholder={t('welcome.allianceNamePlaceholder')} maxLength={200} />
            </Form.Item>
            <Button htmlType="submit" loading={startEmpty.isPending}>
              {t('welcome.create')}
            </Button>
          </Form>
        </Card>
      </Space>
      {/* A clerk who restored the wrong backup, whose records are in another folder, or who starts from a colleague's exchange file, finds her way here. */}
      <Typography.Title level={4} style={{ marginTop: 32 }}>
        {t('welcome.haveData')}
      </Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
        <BackupPanel restoreOnly />
        <OtherDataFile methods={['files.open']} />
        <ExchangePanel mergeOnly />
      </Space>
    </div>
  );
}
