// Data and backups: which file is open, and its backups.
import { Alert, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOverview } from '../../hooks/useOverview';
import { BackupPanel } from './BackupPanel';
import { OtherDataFile } from './OtherDataFile';
import { ExchangePanel } from './exchange/ExchangePanel';

export function DataPage() {
  const { t } = useTranslation();
  const overview = useOverview();
  const health = overview.data?.health;
  return (
    <div style={{ padding: 20, overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Card title={t('data.title')}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('data.file')}>
            <span data-testid="data-file">{overview.data?.dataFile}</span>
          </Descriptions.Item>
        </Descriptions>
        {health?.state === 'ok' && health.uncleanShutdown && <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('data.uncleanShutdown')} />}
        {health?.state === 'ok' && health.readOnly && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('data.readOnly', { path: health.readOnly.path })} data-testid="read-only" />}
        {health?.state === 'ok' && health.backupFailure && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            message={t('data.backupFailed', { at: new Date(health.backupFailure.at).toLocaleString() })}
            description={t(health.backupFailure.key, { path: overview.data?.dataFile ?? '', ...health.backupFailure.params, defaultValue: health.backupFailure.message })}
          />
        )}
      </Card>
      <BackupPanel />
      <ExchangePanel />
      <OtherDataFile />
    </div>
  );
}
