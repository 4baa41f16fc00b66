// An agreement's or event's files: upload (content only, never a path), download, remove.
import { App, Button, List, Popconfirm, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../core/attachments/contract';
import { call } from '../api/client';
import { useApiMutation } from '../api/queries';
import { readAsBase64, saveFile } from '../api/download';
import { errorText } from '../api/errors';

export function AttachmentList(props: { ownerType: Attachment['ownerType']; ownerId: string; attachments: Attachment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The record showing the list reads its attachments, so both refresh it when they are done.
  const add = useApiMutation('attachments.add', {
    onSuccess: (attachment) => void message.success(t('agreements.form.uploaded', { name: attachment.fileName })),
    onError: (error) => message.error(errorText(t, error)),
  });
  const remove = useApiMutation('attachments.remove', { onError: (error) => message.error(errorText(t, error)) });
  const upload = async (file: File) => add.mutate({ ownerType: props.ownerType, ownerId: props.ownerId, fileName: file.name, contentBase64: await readAsBase64(file) });
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
              <Popconfirm key="remove" title={`${t('agreements.form.remove')}：${a.fileName}`} onConfirm={() => remove.mutate({ id: a.id })}>
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
          void upload(file);
          return false; // the core stores it; antd must not send it anywhere itself
        }}
      >
        <Button loading={add.isPending} style={{ marginTop: 8 }}>
          {t('agreements.form.upload')}
        </Button>
      </Upload>
    </>
  );
}
