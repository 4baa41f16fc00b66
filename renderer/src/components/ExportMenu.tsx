// "Export": the core builds the file in the chosen format, the shell saves it. An export is a job:
// while it runs the button shows how far it is, and the clerk can cancel it.
import { App, Button, Dropdown, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../core/io/exports/formats';
import type { FileContent } from '../../../core/io/exports/contract';
import type { CallOptions, JobProgress } from '../api/client';
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
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const running = useRef<AbortController | null>(null);
  const run = async (format: F) => {
    const cancel = new AbortController();
    running.current = cancel;
    setProgress({ done: 0, total: 0 });
    try {
      const file = await exportAs(format, { onProgress: setProgress, signal: cancel.signal });
      saveFile(file);
      // Never dropped silently: characters the pdf's fonts lack are named.
      if (file.missingCharacters?.length) void message.warning(t('exports.missingCharacters', { chars: file.missingCharacters.join(' ') }), 10);
    } catch (error) {
      if (!cancel.signal.aborted) message.error(errorText(t, error));
    } finally {
      running.current = null;
      setProgress(null);
    }
  };
  const percent = progress && progress.total > 0 ? ` ${Math.floor((progress.done / progress.total) * 100)}%` : '';
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
        <Button type="link" onClick={() => running.current?.abort()}>
          {t('exports.cancel')}
        </Button>
      )}
    </Space>
  );
}
