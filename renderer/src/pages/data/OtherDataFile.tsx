// New, open and save as. In the desktop app the folder comes from the app's own dialog (the page
// only ever holds a handle to it); in the browser shell the clerk types the folder's full path,
// which the app checks and shows back, normalised, for the clerk to confirm before anything happens.
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCallAndRefresh } from '../../api/queries';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
import { useOverview } from '../../hooks/useOverview';

type FileMethod = 'files.open' | 'files.create' | 'files.saveAs';
const PURPOSE = { 'files.open': 'open', 'files.create': 'create', 'files.saveAs': 'saveAs' } as const;

/** `methods`: the first screens offer opening or starting a folder, not saving this one elsewhere. */
export function OtherDataFile({ methods = ['files.open', 'files.create', 'files.saveAs'] }: { methods?: readonly FileMethod[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refresh = useCallAndRefresh();
  const dialog = Boolean(useOverview().data?.folderDialog);
  const [form] = Form.useForm<{ path: string }>();

  /** The browser shell: the typed path, checked, then confirmed by the clerk as the app reads it. */
  const confirmTyped = async (method: FileMethod): Promise<{ path: string } | null> => {
    const checked = await call('files.checkPath', { path: form.getFieldValue('path') ?? '', purpose: PURPOSE[method] });
    const confirmed = await modal.confirm({
      title: t(`files.confirm.${PURPOSE[method]}`),
      content: <Typography.Text code data-testid="confirm-path">{checked.path}</Typography.Text>,
      okText: t(`files.${PURPOSE[method]}`),
      cancelText: t('common.cancel'),
    });
    return confirmed ? { path: checked.path } : null;
  };

  /** The desktop app: its own dialog, and a handle for the folder chosen. */
  const chooseInDialog = async (method: FileMethod): Promise<{ handle: string } | null> => {
    const chosen = await call('files.choose', { purpose: PURPOSE[method] });
    return chosen ? { handle: chosen.handle } : null;
  };

  const action = useMutation({
    // Another folder: everything shown is refreshed (these methods declare they change it all).
    mutationFn: async ({ method }: { method: FileMethod }) => {
      const target = dialog ? await chooseInDialog(method) : await confirmTyped(method);
      return target ? refresh(method, target) : null;
    },
    onSuccess: (result) => {
      if (!result) return;
      message.success(t('files.switched', { file: result.dataFile }));
      form.resetFields();
    },
    onError: (error) => showFieldErrors(form, error, t) || message.error(errorText(t, error)),
  });
  const run = (method: FileMethod) => action.mutate({ method });
  const busy = (method: FileMethod) => action.isPending && action.variables?.method === method;
  return (
    <Card title={t('files.title')}>
      <Form form={form} name="files" layout="vertical" style={{ maxWidth: 720 }}>
        {!dialog && (
          <Form.Item name="path" label={t('files.path')} extra={t('files.pathHelp')}>
            <Input placeholder={t('files.pathPlaceholder')} maxLength={1000} />
          </Form.Item>
        )}
        <Space wrap>
          {methods.map((method) => (
            <Button key={method} onClick={() => run(method)} loading={busy(method)}>
              {t(`files.${PURPOSE[method]}`)}
            </Button>
          ))}
        </Space>
      </Form>
    </Card>
  );
}
