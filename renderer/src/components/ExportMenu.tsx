// "Export": the core builds the file in the chosen format, the shell saves it.
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileContent } from '../../../core/io/exports/contract';
import { saveFile } from '../api/download';
import { errorText } from '../api/errors';

export type ExportFormat = 'xlsx' | 'docx' | 'pdf' | 'csv';

export function ExportMenu<F extends ExportFormat>({
  formats,
  exportAs,
  label,
}: {
  formats: readonly F[];
  exportAs(format: F): Promise<FileContent>;
  /** The button's text; "Export" when absent. */
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: F) => {
    setBusy(true);
    try {
      saveFile(await exportAs(format));
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: formats.map((format) => ({ key: format, label: t(`exports.${format as ExportFormat}`) })),
        onClick: ({ key }) => void run(key as F),
      }}
    >
      <Button loading={busy}>{label ?? t('exports.button')}</Button>
    </Dropdown>
  );
}
