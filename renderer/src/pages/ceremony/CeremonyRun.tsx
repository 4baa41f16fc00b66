// The ceremony on stage: the current signing fills the screen; Space or Enter marks it done,
// Backspace takes the last mark back, Esc leaves. The state is the database's, so a reload resumes.
import { Alert, Button, Progress, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CeremonyState } from '../../../../core/events/contract';
import './ceremony.css';

export interface CeremonyRunProps {
  state: CeremonyState;
  busy: boolean;
  onMark(): void;
  onUndo(): void;
  onExit(): void;
  /** A rehearsal: the same stage, with nothing recorded. */
  rehearsal?: boolean;
}

export function CeremonyRun({ state, busy, onMark, onUndo, onExit, rehearsal = false }: CeremonyRunProps) {
  const { t } = useTranslation();
  const latest = useRef({ onMark, onUndo, onExit, busy, done: state.currentIndex >= state.items.length });
  latest.current = { onMark, onUndo, onExit, busy, done: state.currentIndex >= state.items.length };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { busy: isBusy, done } = latest.current;
      if ((event.key === ' ' || event.key === 'Enter') && !isBusy && !done) {
        event.preventDefault();
        latest.current.onMark();
      } else if ((event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z')) && !isBusy) {
        event.preventDefault();
        latest.current.onUndo();
      } else if (event.key === 'Escape') {
        latest.current.onExit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const total = state.items.length;
  const current = state.items[state.currentIndex];
  const signedCount = state.items.filter((i) => i.signedAt).length;
  return (
    <div className="ceremony-run" role="dialog" aria-label={t('ceremony.title', { event: state.eventTitle })}>
      <div className="ceremony-top">
        <Typography.Text className="ceremony-event">{state.eventTitle}</Typography.Text>
        <Button onClick={onExit}>{t('ceremony.exit')}</Button>
      </div>
      {rehearsal && <Alert type="info" showIcon banner data-testid="ceremony-rehearsal" message={t('ceremony.rehearsalBanner')} />}
      <Progress percent={total ? Math.round((signedCount / total) * 100) : 0} showInfo={false} strokeColor="#c0392b" />
      {current ? (
        <div className="ceremony-current" data-testid="ceremony-current">
          <Typography.Text className="ceremony-progress">{t('ceremony.progress', { current: state.currentIndex + 1, total })}</Typography.Text>
          <Tag color="red" className="ceremony-type">
            {t(`agreementType.${current.agreement.type}`)}
          </Tag>
          <h1 className="ceremony-title">{current.agreement.title}</h1>
          <div className="ceremony-parties">
            {current.agreement.parties.map((p) => (
              <div key={p.organizationId} className="ceremony-party">
                <span className="ceremony-label">{p.label}</span>
                <span className="ceremony-name">{p.name}</span>
                {p.signatoryName && <span className="ceremony-signatory">{p.signatoryName}</span>}
              </div>
            ))}
          </div>
          <Space size="large">
            <Button type="primary" size="large" danger onClick={onMark} loading={busy} className="ceremony-mark">
              {t('ceremony.markDone')}
            </Button>
            <Button size="large" onClick={onUndo} disabled={busy || signedCount === 0}>
              {t('ceremony.undo')}
            </Button>
          </Space>
          <Typography.Text type="secondary">
            {t('ceremony.markHint')} · {t('ceremony.undoHint')}
          </Typography.Text>
        </div>
      ) : (
        <Result
          status="success"
          title={<span data-testid="ceremony-finished">{rehearsal ? t('ceremony.rehearsalFinished') : t('ceremony.finished')}</span>}
          subTitle={rehearsal ? t('ceremony.rehearsalFinishedBody') : t('ceremony.finishedBody', { count: signedCount })}
          extra={[
            <Button key="undo" onClick={onUndo} disabled={busy || signedCount === 0}>
              {t('ceremony.undo')}
            </Button>,
            <Button key="exit" type="primary" onClick={onExit}>
              {t('ceremony.exit')}
            </Button>,
          ]}
        />
      )}
    </div>
  );
}
