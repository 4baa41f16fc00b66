// An agreement's or event's files: upload (content only, never a path), download, remove.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../core/attachments/contract';
import { call } from '../api/client';
import { readAsBase64, saveFile } from '../api/download';
import { errorText } from '../api/errors';

export function AttachmentList(props: { ownerType: Attachment['ownerType']; ownerId: string; attachments: Attachment[]; invalidateKey: unknown[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: props.invalidateKey });
  const upload = useMutation({
    mutationFn: async (file: File) => call('attachments.add', { ownerType: props.ownerType, ownerId: props.ownerId, fileName: file.name, contentBase64: await readAsBase64(file) }),
    onSuccess: (attachment) => {
      message.success(t('agreements.form.uploaded', { name: attachment.fileName }));
      refresh();
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call('attachments.remove', { id }),
    onSuccess: refresh,
    onError: (error) => message.error(errorText(t, error)),
  });
  const open = async (id: string) => {
    try {
      saveFile(await call('attachments.read', { id }));
    } catch (error) {
      message.error(errorText(t, error));
    }
  };
  return (
    <>
      <List
        size="small"
        dataSource={props.attachments}
        locale={{ emptyText: t('common.none') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="open" type="link" onClick={() => void open(a.id)}>
                {t('agreements.form.open')}
              </Button>,
              <Popconfirm key="remove" title={`${t('agreements.form.remove')}：${a.fileName}`} onConfirm={() => remove.mutate(a.id)}>
                <Button type="link" danger>
                  {t('agreements.form.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            {a.fileName}（{(a.size / 1024).toFixed(0)} KB）
          </List.Item>
        )}
      />
      <Upload
        showUploadList={false}
        multiple
        beforeUpload={(file) => {
          upload.mutate(file);
          return false; // the core stores it; antd must not send it anywhere itself
        }}
      >
        <Button loading={upload.isPending} style={{ marginTop: 8 }}>
          {t('agreements.form.upload')}
        </Button>
      </Upload>
    </>
  );
}
