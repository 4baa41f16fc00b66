// New, open and save as, for the browser shell (the desktop app has them in its File menu):
// the clerk types the folder's full path, since a web page cannot show a folder dialog.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallAndRefresh } from '../../api/queries';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';

type FileMethod = 'files.open' | 'files.create' | 'files.saveAs';

export function OtherDataFile() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useCallAndRefresh();
  const [form] = Form.useForm<{ path: string }>();
  const action = useMutation({
    // Another folder: everything shown is refreshed (these methods declare they change it all).
    mutationFn: ({ method, path }: { method: FileMethod; path: string }) => refresh(method, { path }),
    onSuccess: (result) => {
      message.success(t('files.switched', { file: result.dataFile }));
      form.resetFields();
    },
    onError: (error) => showFieldErrors(form, error, t) || message.error(errorText(t, error)),
  });
  const run = (method: FileMethod) => action.mutate({ method, path: form.getFieldValue('path') ?? '' });
  return (
    <Card title={t('files.title')}>
      <Form form={form} name="files" layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item name="path" label={t('files.path')} extra={t('files.pathHelp')}>
          <Input placeholder={t('files.pathPlaceholder')} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Button onClick={() => run('files.open')} loading={action.isPending && action.variables?.method === 'files.open'}>
            {t('files.open')}
          </Button>
          <Button onClick={() => run('files.create')} loading={action.isPending && action.variables?.method === 'files.create'}>
            {t('files.create')}
          </Button>
          <Button onClick={() => run('files.saveAs')} loading={action.isPending && action.variables?.method === 'files.saveAs'}>
            {t('files.saveAs')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
