// Recent imports, each undoable as a whole.
import { App, Button, Empty, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../../core/io/imports/contract';
import { errorText } from '../../../api/errors';
import { useApiMutation, useApiQuery } from '../../../api/queries';

export function UndoImportButton({ batch, onUndone }: { batch: Pick<ImportBatch, 'id' | 'fileName' | 'createdCount' | 'updatedCount'>; onUndone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const undo = useApiMutation('imports.undo', {
    onSuccess: (result) => {
      message.success(t('import.undone', result));
      onUndone?.();
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  return (
    <Popconfirm title={t('import.undoConfirm', { file: batch.fileName, created: batch.createdCount, updated: batch.updatedCount })} onConfirm={() => undo.mutate({ id: batch.id })} okButtonProps={{ danger: true }}>
      <Button danger loading={undo.isPending}>
        {t('import.undo')}
      </Button>
    </Popconfirm>
  );
}

export function ImportBatches() {
  const { t } = useTranslation();
  const batches = useApiQuery('imports.batches', {});
  return (
    <section aria-label={t('import.batches')}>
      <Typography.Title level={5}>{t('import.batches')}</Typography.Title>
      {batches.data?.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('import.noBatches')} />
      ) : (
        <List
          size="small"
          loading={batches.isPending}
          dataSource={batches.data ?? []}
          renderItem={(batch) => (
            <List.Item actions={batch.undoneAt ? [<Tag key="undone">{t('import.undoneTag')}</Tag>] : [<UndoImportButton key="undo" batch={batch} />]}>
              {t('import.batchLine', { at: batch.createdAt.slice(0, 16).replace('T', ' '), file: batch.fileName, created: batch.createdCount, updated: batch.updatedCount })}
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
