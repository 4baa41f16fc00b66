// "Export" as xlsx or csv: the core builds the file, the shell saves it.
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileContent } from '../../../core/types';
import { saveFile } from '../api/download';
import { errorText } from '../api/errors';

export function ExportMenu({ exportAs }: { exportAs(format: 'xlsx' | 'csv'): Promise<FileContent> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'xlsx' | 'csv') => {
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
        items: [
          { key: 'xlsx', label: t('exports.xlsx') },
          { key: 'csv', label: t('exports.csv') },
        ],
        onClick: ({ key }) => void run(key as 'xlsx' | 'csv'),
      }}
    >
      <Button loading={busy}>{t('exports.button')}</Button>
    </Dropdown>
  );
}
