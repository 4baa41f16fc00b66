// Importing members, as a clerk meets it: choose a file → check the columns and every row's result
// → import (with progress, cancellable) → see what happened, download the rows left out, or undo.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Drawer, Progress, Radio, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../../core/io/imports/columns';
import type { CommitResult, DuplicateAction, StageResult } from '../../../../../core/io/imports/contract';
import { call } from '../../../api/client';
import { readAsBase64, saveFile } from '../../../api/download';
import { errorText } from '../../../api/errors';
import { ColumnMapping } from './ColumnMapping';
import { ImportBatches, UndoImportButton } from './ImportBatches';
import { ImportPreviewTable } from './ImportPreviewTable';

/** The core's own cap (IMPORT_LIMITS.maxFileBytes); checked here too so a huge file is not uploaded. */
const MAX_FILE_MB = 20;

type Step = { kind: 'choose' } | { kind: 'reading'; fileName: string } | { kind: 'preview'; staged: StageResult } | { kind: 'done'; staged: StageResult; result: CommitResult };

export function ImportDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('skip');
  const [rowActions, setRowActions] = useState<Record<string, DuplicateAction>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [committing, setCommitting] = useState<{ done: number; total: number } | null>(null);
  const [stageError, setStageError] = useState<string | null>(null);
  const cancelCommit = useRef<AbortController | null>(null);

  const staged = step.kind === 'preview' || step.kind === 'done' ? step.staged : null;
  const plan = { uploadId: staged?.uploadId ?? '', mapping, onDuplicate, rowActions };
  const preview = useQuery({
    queryKey: ['imports.preview', plan],
    queryFn: () => call('imports.preview', plan),
    enabled: step.kind === 'preview',
    placeholderData: keepPreviousData,
  });

  const reset = () => {
    setStep({ kind: 'choose' });
    setRowActions({});
    setSkipInvalid(false);
    setStageError(null);
  };
  useEffect(() => {
    if (!open) reset();
  }, [open]);

  const choose = async (file: File) => {
    setStageError(null);
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setStageError(t('import.tooLargeForUpload', { maxMb: MAX_FILE_MB }));
      return;
    }
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const result = await call('imports.stage', { fileName: file.name, bytes: await readAsBase64(file) });
      setMapping(result.mapping);
      setRowActions({});
      setStep({ kind: 'preview', staged: result });
    } catch (error) {
      setStageError(errorText(t, error));
      setStep({ kind: 'choose' });
    }
  };

  const commit = async () => {
    if (!staged) return;
    setCommitting({ done: 0, total: (preview.data?.counts.new ?? 0) + (preview.data?.counts.update ?? 0) });
    const cancel = new AbortController();
    cancelCommit.current = cancel;
    try {
      const result = await call('imports.commit', { ...plan, skipInvalid }, { onProgress: setCommitting, signal: cancel.signal });
      setStep({ kind: 'done', staged, result });
      message.success(doneText(result));
      void queryClient.invalidateQueries();
    } catch (error) {
      message.error(errorText(t, error));
    } finally {
      cancelCommit.current = null;
      setCommitting(null);
    }
  };

  const downloadRejected = async () => {
    if (!staged) return;
    try {
      saveFile(await call('imports.rejectedReport', plan));
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const doneText = (r: CommitResult) => t('import.done', { created: r.created, updated: r.updated, skipped: r.skipped, rejected: r.rejected });
  const counts = preview.data?.counts;
  const importable = counts ? counts.new + counts.update : 0;
  const blocked = Boolean(counts && counts.error > 0 && !skipInvalid);

  return (
    <Drawer open={open} onClose={committing ? undefined : onClose} width="min(1200px, 96vw)" title={t('import.title')} destroyOnHidden maskClosable={!committing}>
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {stageError && <Alert type="error" showIcon message={stageError} data-testid="import-error" />}
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            disabled={step.kind === 'reading'}
            beforeUpload={(file) => {
              void choose(file);
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
          <ColumnMapping headers={step.staged.headers} fields={step.staged.fields} mapping={mapping} onChange={setMapping} />
          <Space wrap>
            <Typography.Text strong>{t('import.onDuplicate')}</Typography.Text>
            <Radio.Group
              value={onDuplicate}
              onChange={(e) => {
                setOnDuplicate(e.target.value as DuplicateAction);
                setRowActions({});
              }}
              options={(['skip', 'fill', 'overwrite'] as const).map((a) => ({ value: a, label: t(`import.action.${a}`) }))}
            />
          </Space>
          {preview.isError && <Alert type="error" showIcon message={errorText(t, preview.error)} />}
          {preview.data && <ImportPreviewTable rows={preview.data.rows} counts={preview.data.counts} onRowAction={(row, action) => setRowActions({ ...rowActions, [row]: action })} />}
          {counts && counts.error > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('import.errorsFound', { count: counts.error })}
              action={
                <Space direction="vertical">
                  <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
                    {t('import.skipInvalid')}
                  </Checkbox>
                  <Button size="small" onClick={() => void downloadRejected()}>
                    {t('import.rejectedReport')}
                  </Button>
                </Space>
              }
            />
          )}
          {committing ? (
            <Space style={{ width: '100%' }}>
              <Progress percent={committing.total ? Math.floor((committing.done / committing.total) * 100) : 0} style={{ width: 400 }} />
              <Typography.Text>{t('import.importing', committing)}</Typography.Text>
              <Button onClick={() => cancelCommit.current?.abort()}>{t('import.cancel')}</Button>
            </Space>
          ) : (
            <Space>
              <Button onClick={reset}>{t('import.again')}</Button>
              <Button type="primary" disabled={!counts || importable === 0 || blocked || preview.isFetching} onClick={() => void commit()}>
                {importable === 0 ? t('import.nothingToImport') : counts && counts.error > 0 ? t('import.commitSkipping', { count: importable, errors: counts.error }) : t('import.commit', { count: importable })}
              </Button>
            </Space>
          )}
        </Space>
      )}

      {step.kind === 'done' && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Alert type="success" showIcon message={doneText(step.result)} data-testid="import-result" />
          <Space>
            {step.result.rejected > 0 && <Button onClick={() => void downloadRejected()}>{t('import.rejectedReport')}</Button>}
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
