// "Export": the core builds the file in the chosen format, the shell saves it. An export is a job:
// while it runs the button shows how far it is, and the clerk can cancel it.
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../core/io/exports/formats';
import type { FileContent } from '../../../core/io/exports/contract';
import type { CallOptions } from '../api/client';
import { percentText, useJobRun } from '../api/useJobRun';
import { saveFile } from '../api/download';
import { errorText } from '../api/errors';

export function ExportMenu<F extends ExportFormat>({
  formats,
  exportAs,
  label,
}: {
  formats: readonly F[];
  exportAs(format: F, job: CallOptions): Promise<FileContent>;
  /** The button's text; "Export" when absent. */
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const job = useJobRun();
  const run = async (format: F) => {
    try {
      const file = await job.run((options) => exportAs(format, options));
      saveFile(file);
      // Never dropped silently: characters the pdf's fonts lack are named.
      if (file.missingCharacters?.length) void message.warning(t('exports.missingCharacters', { chars: file.missingCharacters.join(' ') }), 10);
    } catch (error) {
      if (!job.wasCancelled(error)) message.error(errorText(t, error));
    }
  };
  const progress = job.progress;
  const percent = percentText(progress);
  return (
    <Space size={4}>
      <Dropdown
        trigger={['click']}
        disabled={progress !== null}
        menu={{
          items: formats.map((format) => ({ key: format, label: t(`exports.${format as ExportFormat}`) })),
          onClick: ({ key }) => void run(key as F),
        }}
      >
        <Button loading={progress !== null}>{(label ?? t('exports.button')) + percent}</Button>
      </Dropdown>
      {progress !== null && (
        <Button type="link" onClick={job.cancel}>
          {t('exports.cancel')}
        </Button>
      )}
    </Space>
  );
}
