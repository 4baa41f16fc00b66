// Shown instead of the app when the data file failed its check: nothing is written to it, and the
// clerk can restore the newest good backup (the damaged file is kept aside, never deleted).
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackupPanel } from './BackupPanel';

export function RecoveryPage({ reason, dataFile }: { reason: string; dataFile: string | null }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 32, overflow: 'auto', maxWidth: 960 }} data-testid="recovery">
      <Typography.Title level={2}>{t('data.recoveryTitle')}</Typography.Title>
      <Alert type="error" showIcon message={t('data.recoveryBody')} description={`${dataFile ?? ''}：${reason}`} style={{ marginBottom: 16 }} />
      <BackupPanel recovery />
    </div>
  );
}
