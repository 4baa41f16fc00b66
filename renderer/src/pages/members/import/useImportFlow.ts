// The import's data and steps: choose a file (staged by the core; another sheet can be chosen) →
// preview every row with the chosen mapping, duplicate handling and legal-form answers → commit as a
// job (progress, cancel) → the result. After the commit
// the data layer refreshes what an import changes (members, contacts, the list of imports).
import { keepPreviousData } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationCategory } from '../../../../../core/contract/codes';
import type { CommitResult, DuplicateAction, ImportField, StageResult } from '../../../../../core/io/imports/contract';
import { call, type JobProgress } from '../../../api/client';
import { readAsBase64, saveFile } from '../../../api/download';
import { errorText } from '../../../api/errors';
import { useApiQuery, useCallAndRefresh } from '../../../api/queries';

/** The core's own cap (IMPORT_LIMITS.maxFileBytes); checked here too so a huge file is not uploaded. */
export const MAX_FILE_MB = 20;

export type ImportStep = { kind: 'choose' } | { kind: 'reading'; fileName: string } | { kind: 'preview'; staged: StageResult } | { kind: 'done'; staged: StageResult; result: CommitResult };

export function useImportFlow(open: boolean) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useCallAndRefresh();
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('fill');
  const [legalForms, setLegalForms] = useState<Record<string, OrganizationCategory>>({});
  const [rowActions, setRowActions] = useState<Record<string, DuplicateAction>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [committing, setCommitting] = useState<JobProgress | null>(null);
  const [stageError, setStageError] = useState<string | null>(null);
  const cancelCommit = useRef<AbortController | null>(null);

  const staged = step.kind === 'preview' || step.kind === 'done' ? step.staged : null;
  const plan = { uploadId: staged?.uploadId ?? '', mapping, onDuplicate, rowActions, legalForms };
  const preview = useApiQuery('imports.preview', plan, { enabled: step.kind === 'preview', placeholderData: keepPreviousData });

  const reset = () => {
    setStep({ kind: 'choose' });
    setRowActions({});
    setLegalForms({});
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

  /** Another sheet of the same file, read by the core from the bytes it kept. */
  const chooseSheet = async (sheet: number) => {
    if (!staged) return;
    try {
      const result = await call('imports.chooseSheet', { uploadId: staged.uploadId, sheet });
      setMapping(result.mapping);
      setRowActions({});
      setStep({ kind: 'preview', staged: result });
    } catch (error) {
      message.error(errorText(t, error));
    }
  };

  const doneText = (r: CommitResult) => t('import.done', { created: r.created, updated: r.updated, skipped: r.skipped, rejected: r.rejected, notMembers: r.notMembers });
  const commit = async () => {
    if (!staged) return;
    setCommitting({ done: 0, total: (preview.data?.counts.new ?? 0) + (preview.data?.counts.update ?? 0) });
    const cancel = new AbortController();
    cancelCommit.current = cancel;
    try {
      const result = await refresh('imports.commit', { ...plan, skipInvalid }, { onProgress: setCommitting, signal: cancel.signal });
      setStep({ kind: 'done', staged, result });
      message.success(doneText(result));
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

  const counts = preview.data?.counts;
  return {
    step,
    stageError,
    choose,
    chooseSheet,
    legalForms,
    setLegalForm: (key: string, category: OrganizationCategory) => setLegalForms((chosen) => ({ ...chosen, [key]: category })),
    reset,
    mapping,
    setMapping,
    onDuplicate,
    chooseOnDuplicate: (action: DuplicateAction) => {
      setOnDuplicate(action);
      setRowActions({});
    },
    setRowAction: (row: number, action: DuplicateAction) => setRowActions((actions) => ({ ...actions, [row]: action })),
    skipInvalid,
    setSkipInvalid,
    preview,
    counts,
    importable: counts ? counts.new + counts.update : 0,
    blocked: Boolean(counts && counts.error > 0 && !skipInvalid),
    committing,
    commit,
    cancel: () => cancelCommit.current?.abort(),
    downloadRejected,
    doneText,
  };
}
