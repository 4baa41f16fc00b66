// The agreement number pattern of this database ({year}-{type}-{seq} by default).
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
import { useApiMutation, useApiQuery } from '../../api/queries';

export function NumberPatternSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agreementNumberPattern: string }>();
  const settings = useApiQuery('settings.get', {});
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useApiMutation('settings.update', {
    onSuccess: () => void message.success(t('settings.saved')),
    onError: (error) => showFieldErrors(form, error, t) || message.error(errorText(t, error)),
  });
  return (
    <Card title={t('settings.numberPattern')} style={{ marginTop: 16 }}>
      <Form form={form} name="settings" layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="agreementNumberPattern" label={t('settings.numberPattern')} extra={t('settings.numberPatternHelp')}>
          <Input maxLength={60} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
