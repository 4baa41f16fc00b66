// What the full check found: the file's own verdict, and every record whose scan is missing or changed.
import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckReport } from '../../../../core/folder/contract';

export function CheckResult({ report }: { report: CheckReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    return <Alert type="success" showIcon message={t('data.checkOk', { ms: Math.round(report.milliseconds), files: report.attachmentsChecked })} data-testid="check-result" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="check-result"
      message={report.reason ? t('data.checkFailed', { reason: report.reason }) : t('data.checkFilesFailed', { count: report.missingFiles.length })}
      description={
        report.missingFiles.length > 0 && (
          <List
            size="small"
            dataSource={report.missingFiles}
            renderItem={(missing) => (
              <List.Item>
                {t(missing.problem === 'missing' ? 'data.fileMissing' : 'data.fileChanged', { file: missing.fileName, owner: missing.owner || t(`history.entityName.${missing.ownerType}`) })}
              </List.Item>
            )}
          />
        )
      }
    />
  );
}
