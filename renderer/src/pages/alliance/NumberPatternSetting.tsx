// The agreement number pattern of this database ({year}-{type}-{seq} by default).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';

export function NumberPatternSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ agreementNumberPattern: string }>();
  const settings = useQuery({ queryKey: ['settings.get'], queryFn: () => call('settings.get', {}) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: { agreementNumberPattern: string }) => call('settings.update', v),
    onSuccess: (next) => {
      queryClient.setQueryData(['settings.get'], next);
      message.success(t('settings.saved'));
    },
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
