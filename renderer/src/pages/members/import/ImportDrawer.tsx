// Importing members, as a clerk meets it: choose a file → check the columns and every row's result
// → import (with progress, cancellable) → see what happened, download the rows left out, or undo.
// The steps and data: useImportFlow.
import { Alert, App, Button, Checkbox, Drawer, Progress, Radio, Space, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicateAction } from '../../../../../core/io/imports/contract';
import { errorText } from '../../../api/errors';
import { ColumnMapping } from './ColumnMapping';
import { ImportBatches, UndoImportButton } from './ImportBatches';
import { ImportPreviewTable } from './ImportPreviewTable';
import { LegalForms } from './LegalForms';
import { HiddenNotice, SheetChoice } from './SheetAndHidden';
import { useImportFlow } from './useImportFlow';

export function ImportDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const flow = useImportFlow(open);
  const { modal } = App.useApp();
  const { step, stageError, mapping, onDuplicate, skipInvalid, preview, counts, importable, blocked, committing } = flow;
  // A built preview (and the clerk's choices in it) is not thrown away by Esc or a click outside without asking.
  const requestClose = () => {
    if (step.kind !== 'preview') return onClose();
    modal.confirm({ title: t('import.discardTitle'), content: t('import.discardText'), okText: t('import.discardOk'), cancelText: t('import.discardCancel'), onOk: onClose });
  };

  return (
    <Drawer open={open} onClose={committing ? undefined : requestClose} width="min(1200px, 96vw)" title={t('import.title')} destroyOnHidden maskClosable={!committing}>
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {stageError && <Alert type="error" showIcon message={stageError} data-testid="import-error" />}
          <Upload.Dragger
            accept=".xlsx,.xls,.et,.ods,.xlsb,.csv,.txt"
            showUploadList={false}
            disabled={step.kind === 'reading'}
            beforeUpload={(file) => {
              void flow.choose(file);
              return false;
            }}
          >
            {step.kind === 'reading' ? (
              <Spin tip={t('import.reading')}>
                <div style={{ padding: 40 }} />
              </Spin>
            ) : (
              <>
                <p style={{ fontSize: 16 }}>{t('import.choose')}</p>
                <p style={{ color: '#888', padding: '0 24px' }}>{t('import.chooseHint')}</p>
              </>
            )}
          </Upload.Dragger>
          <ImportBatches />
        </Space>
      )}

      {step.kind === 'preview' && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            {t('import.summary', { file: step.staged.fileName, header: step.staged.headerRow, count: step.staged.rowCount })}
            {step.staged.encoding && ` · ${t('import.encoding', { encoding: step.staged.encoding.toUpperCase() })}`}
          </Typography.Text>
          <SheetChoice staged={step.staged} onChoose={(sheet) => void flow.chooseSheet(sheet)} />
          <HiddenNotice staged={step.staged} />
          <ColumnMapping headers={step.staged.headers} fields={step.staged.fields} mapping={mapping} onChange={flow.setMapping} />
          {preview.data && <LegalForms forms={preview.data.legalForms} onChoose={flow.setLegalForm} />}
          <Space wrap>
            <Typography.Text strong>{t('import.onDuplicate')}</Typography.Text>
            <Radio.Group
              value={onDuplicate}
              onChange={(e) => flow.chooseOnDuplicate(e.target.value as DuplicateAction)}
              options={(['skip', 'fill', 'overwrite'] as const).map((a) => ({ value: a, label: t(`import.action.${a}`) }))}
            />
          </Space>
          {preview.isError && <Alert type="error" showIcon message={errorText(t, preview.error)} />}
          {preview.data && <ImportPreviewTable rows={preview.data.rows} counts={preview.data.counts} onRowAction={flow.setRowAction} />}
          {counts && counts.error > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('import.errorsFound', { count: counts.error })}
              action={
                <Space direction="vertical">
                  <Checkbox checked={skipInvalid} onChange={(e) => flow.setSkipInvalid(e.target.checked)}>
                    {t('import.skipInvalid')}
                  </Checkbox>
                  <Button size="small" onClick={() => void flow.downloadRejected()}>
                    {t('import.rejectedReport')}
                  </Button>
                </Space>
              }
            />
          )}
          {committing ? (
            <Space style={{ width: '100%' }}>
              <Progress percent={committing.total ? Math.floor((committing.done / committing.total) * 100) : 0} style={{ width: 400 }} />
              <Typography.Text>{t('import.importing', { ...committing })}</Typography.Text>
              <Button onClick={flow.cancel}>{t('import.cancel')}</Button>
            </Space>
          ) : (
            <Space>
              <Button onClick={flow.reset}>{t('import.again')}</Button>
              {blocked && <Typography.Text type="warning" data-testid="import-blocked">{t('import.blockedHint')}</Typography.Text>}
              <Button type="primary" disabled={!counts || importable === 0 || blocked || preview.isFetching} onClick={() => void flow.commit()}>
                {importable === 0 ? t('import.nothingToImport') : counts && counts.error > 0 ? t('import.commitSkipping', { count: importable, errors: counts.error }) : t('import.commit', { count: importable })}
              </Button>
            </Space>
          )}
        </Space>
      )}

      {step.kind === 'done' && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={flow.doneText(step.result)} data-testid="import-result" />
          <Space>
            {step.result.rejected > 0 && <Button onClick={() => void flow.downloadRejected()}>{t('import.rejectedReport')}</Button>}
            {step.result.batchId && (
              <UndoImportButton
                batch={{ id: step.result.batchId, fileName: step.staged.fileName, createdCount: step.result.created, updatedCount: step.result.updated }}
                onUndone={onClose}
              />
            )}
            <Button type="primary" onClick={onClose}>
              {t('import.close')}
            </Button>
          </Space>
        </Space>
      )}
    </Drawer>
  );
}
