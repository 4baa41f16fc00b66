// Drafts the clerk left unsaved: a notice inside the form that restored one, and a bar on the list
// page naming every draft of its kind, so a reload never hides where the typing went.
import { Alert, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFTS_CHANGED, dropDraft, listDrafts, type Draft, type DraftKind } from '../forms/drafts';
import { useOverview } from '../hooks/useOverview';

const when = (iso: string) => new Date(iso).toLocaleString();

export function RestoredDraftNotice({ restored, onDiscard }: { restored: { savedAt: string } | null; onDiscard(): void }) {
  const { t } = useTranslation();
  if (!restored) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-restored"
      message={t('drafts.restored', { at: when(restored.savedAt) })}
      action={
        <Button size="small" onClick={onDiscard}>
          {t('drafts.discardRestored')}
        </Button>
      }
    />
  );
}

/** The drafts of one kind of record in the open data file, newest first; follows changes as they happen. */
function useDrafts(kind: DraftKind): (Draft & { key: string })[] {
  const scope = useOverview().data?.dataFile ?? '';
  const [drafts, setDrafts] = useState(() => listDrafts(scope, kind));
  useEffect(() => {
    const refresh = () => setDrafts(listDrafts(scope, kind));
    refresh();
    window.addEventListener(DRAFTS_CHANGED, refresh);
    window.addEventListener('storage', refresh);
    return () => {
      window.removeEventListener(DRAFTS_CHANGED, refresh);
      window.removeEventListener('storage', refresh);
    };
  }, [scope, kind]);
  return drafts;
}

export function DraftsBar({ kind, onResume, openRecordId }: { kind: DraftKind; onResume(recordId: string | null): void; openRecordId?: string | null | undefined }) {
  const { t } = useTranslation();
  // The form that is open shows its own draft; the bar names the others.
  const drafts = useDrafts(kind).filter((d) => openRecordId === undefined || d.recordId !== openRecordId);
  if (drafts.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="drafts-bar"
      message={t('drafts.unsaved', { count: drafts.length })}
      description={
        <Space direction="vertical" size={4}>
          {drafts.map((d) => (
            <Space key={d.key} wrap>
              <span>
                {d.recordId ? t('drafts.editing', { label: d.label || t('drafts.untitled') }) : t('drafts.new', { label: d.label || t('drafts.untitled') })} · {when(d.savedAt)}
              </span>
              <Button size="small" type="primary" onClick={() => onResume(d.recordId)}>
                {t('drafts.resume')}
              </Button>
              <Button size="small" onClick={() => dropDraft(d.key)}>
                {t('drafts.discard')}
              </Button>
            </Space>
          ))}
        </Space>
      }
    />
  );
}
