// 数据与备份 → 交换与合并: a colleague's exchange file merged after its review, and for a copy with
// records of its own the rest (ExchangeOwnCopy: a file for a colleague, partners, replaced values).
// On the welcome screen only the merge is offered: a clerk on a new laptop starts from a colleague's file.
import { App, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeReview as Review } from '../../../../../core/exchange/contract';
import { readAsBase64 } from '../../../api/download';
import { errorText } from '../../../api/errors';
import { percentText, useJobRun } from '../../../api/useJobRun';
import { call } from '../../../api/client';
import { ExchangeOwnCopy } from './ExchangeOwnCopy';
import { ExchangeReview } from './ExchangeReview';

export function ExchangePanel({ mergeOnly = false }: { mergeOnly?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [review, setReview] = useState<Review | null>(null);
  const staging = useJobRun();

  const stage = async (file: File) => {
    try {
      const bytes = await readAsBase64(file);
      setReview(await staging.run((job) => call('exchange.stage', { fileName: file.name, bytes }, job)));
    } catch (error) {
      if (!staging.wasCancelled(error)) void message.error(errorText(t, error));
    }
  };
  const mergeButton = (
    <Upload accept=".alliance-exchange" showUploadList={false} beforeUpload={(file) => (void stage(file), false)}>
      <Button loading={staging.running} data-testid="exchange-import">
        {t('exchange.import') + percentText(staging.progress)}
      </Button>
    </Upload>
  );

  return (
    <Card title={t('exchange.title')} data-testid="exchange-panel">
      <Typography.Paragraph type="secondary">{t(mergeOnly ? 'exchange.startFromFile' : 'exchange.intro')}</Typography.Paragraph>
      {mergeOnly ? mergeButton : <ExchangeOwnCopy mergeButton={mergeButton} />}
      {review && <ExchangeReview review={review} onClose={() => setReview(null)} />}
    </Card>
  );
}
