// Backups of the data file: back up now (saved where the clerk chooses), the kept backups with
// restore, restore from a chosen file, and a full integrity check. Used by the settings page and
// by the recovery screen of a damaged file.
import { App, Button, Card, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { JobProgress } from '../../api/client';
import { percentText } from '../../api/useJobRun';
import type { BackupInfo } from '../../../../core/folder/contract';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { readAsBase64, saveFile } from '../../api/download';
import { errorText } from '../../api/errors';
import { CheckResult } from './CheckResult';

/**
 * `recovery`: the file is damaged (restore only, and the damaged file is kept aside). `restoreOnly`:
 * a first screen (the welcome page) where a backup is a way back, not something to make.
 */
export function BackupPanel({ recovery = false, restoreOnly = recovery }: { recovery?: boolean; restoreOnly?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const backups = useApiQuery('backups.list', {});
  // A restore changes everything: the data layer refreshes every query after it.
  const afterRestore = (name: string) => void message.success(t('data.restored', { name }));
  const restore = useApiMutation('backups.restore', { onSuccess: (r) => afterRestore(r.restored), onError: (e) => message.error(errorText(t, e)) });
  const restoreFile = useApiMutation('backups.restoreFile', { onSuccess: (r) => afterRestore(r.restored), onError: (e) => message.error(errorText(t, e)) });
  // A backup of a large file takes seconds: its button says how far it is.
  const [backupProgress, setBackupProgress] = useState<JobProgress | null>(null);
  const backupNow = useApiMutation('backups.create', {
    job: { onProgress: setBackupProgress },
    onMutate: () => setBackupProgress(null),
    onSuccess: (file) => {
      saveFile(file);
      void message.success(t('data.backedUp', { name: file.fileName }));
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const check = useApiMutation('app.check', { onError: (e) => message.error(errorText(t, e)) });

  return (
    <Card title={t('data.backups')}>
      <Space wrap style={{ marginBottom: 12 }}>
        {!restoreOnly && (
          <Button type="primary" onClick={() => backupNow.mutate({})} loading={backupNow.isPending}>
            {t('data.backupNow') + (backupNow.isPending ? percentText(backupProgress) : '')}
          </Button>
        )}
        <Upload
          accept=".sqlite,.db"
          showUploadList={false}
          beforeUpload={(file) => {
            void readAsBase64(file).then((contentBase64) => restoreFile.mutate({ fileName: file.name, contentBase64 }));
            return false;
          }}
        >
          <Button loading={restoreFile.isPending}>{t('data.restoreFromFile')}</Button>
        </Upload>
        {!restoreOnly && (
          <Button onClick={() => check.mutate({})} loading={check.isPending}>
            {t('data.check')}
          </Button>
        )}
      </Space>
      {check.data && !restoreOnly && (
        <div style={{ marginBottom: 12 }}>
          <CheckResult report={check.data} />
        </div>
      )}
      <Typography.Paragraph type="secondary">{t('data.backupsHint')}</Typography.Paragraph>
      <Table<BackupInfo>
        rowKey="name"
        size="small"
        loading={backups.isPending}
        dataSource={backups.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('data.noBackups') }}
        columns={[
          { key: 'takenAt', title: t('data.takenAt'), dataIndex: 'takenAt', render: (v: string) => new Date(v).toLocaleString() },
          { key: 'reason', title: t('data.reason'), dataIndex: 'reason', render: (v: BackupInfo['reason']) => t(`backupReason.${v}`) },
          { key: 'size', title: t('data.size'), dataIndex: 'size', render: (v: number) => `${(v / 1024).toFixed(0)} KB` },
          {
            key: 'restore',
            title: '',
            render: (_: unknown, b) => (
              <Popconfirm title={recovery ? t('data.restoreConfirmRecovery') : t('data.restoreConfirm')} onConfirm={() => restore.mutate({ name: b.name })}>
                <Button size="small" loading={restore.isPending && restore.variables?.name === b.name}>
                  {t('data.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
