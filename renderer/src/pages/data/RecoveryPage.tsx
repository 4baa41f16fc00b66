// Shown instead of the app when the data file cannot be used: nothing is written to it, the kind of
// damage is named, and the clerk can restore a backup (the damaged file is kept aside, never
// deleted) or, when another program held the file, open it again once that program has let go.
import { Alert, App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatabaseHealth } from '../../../../core/folder/contract';
import { useApiMutation } from '../../api/queries';
import { errorText } from '../../api/errors';
import { BackupPanel } from './BackupPanel';
import { OtherDataFile } from './OtherDataFile';

type Damaged = Extract<DatabaseHealth, { state: 'damaged' }>;

export function RecoveryPage({ health, dataFile }: { health: Damaged; dataFile: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reopen = useApiMutation('app.reopen', {
    onSuccess: (next) => void (next.state === 'damaged' ? message.warning(t(`data.damage.${next.kind}`)) : message.success(t('data.reopened'))),
    onError: (e) => message.error(errorText(t, e)),
  });
  return (
    <div style={{ padding: 32, overflow: 'auto', maxWidth: 960 }} data-testid="recovery">
      <Typography.Title level={2}>{t('data.recoveryTitle')}</Typography.Title>
      <Alert
        type="error"
        showIcon
        message={t(`data.damage.${health.kind}`)}
        description={
          <>
            <Typography.Paragraph>{t('data.recoveryBody')}</Typography.Paragraph>
            <Typography.Text type="secondary" data-testid="recovery-details">
              {t('data.recoveryDetails', { file: dataFile ?? '', reason: health.reason })}
            </Typography.Text>
          </>
        }
        action={
          <Button onClick={() => reopen.mutate({})} loading={reopen.isPending}>
            {t('data.reopen')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
      <BackupPanel recovery />
      <div style={{ marginTop: 16 }}>
        <OtherDataFile methods={['files.open', 'files.create']} />
      </div>
    </div>
  );
}
