// Signing-ceremony mode for one event: plan the order, rehearse it with nothing recorded
// (#/ceremony?event=ID&run=1&rehearse=1), then run it (#/ceremony?event=ID&run=1). A real run before
// the event's day warns first: its marks are real signings dated on the event day.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CeremonyState } from '../../../../core/events/contract';
import { errorText } from '../../api/errors';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/queries';
import { hrefFor, type Page } from '../../hooks/useHashRoute';
import { CeremonyRun } from './CeremonyRun';
import { PlanSigningForm } from './PlanSigningForm';

export function CeremonyPage({ params, navigate }: { params: URLSearchParams; navigate(page: Page, params?: Record<string, string | undefined>): void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const eventId = params.get('event') ?? '';
  const running = params.get('run') === '1';
  const rehearsing = running && params.get('rehearse') === '1';
  // A rehearsal's marks live here only: how far it has gone. The core never hears of them.
  const [rehearsed, setRehearsed] = useState(0);
  const state = useApiQuery('ceremony.state', { eventId }, { enabled: eventId !== '' });
  // The answer is the new state: shown at once, before the refresh of what the mark changed.
  const apply = (next: CeremonyState) => queryClient.setQueryData(queryKeyOf('ceremony.state', { eventId }), next);
  const mark = useApiMutation('ceremony.mark', {
    onSuccess: (next) => {
      apply(next);
      const done = next.items[next.currentIndex - 1];
      if (done) message.success(t('ceremony.marked', { title: done.agreement.title }));
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const undo = useApiMutation('ceremony.undo', {
    onSuccess: (next) => {
      apply(next);
      const back = next.items[next.currentIndex];
      if (back) message.info(t('ceremony.undone', { title: back.agreement.title }));
    },
    onError: (error) => message.error(errorText(t, error)),
  });

  const move = useApiMutation('ceremony.move', {
    onSuccess: apply,
    onError: (error) => message.error(errorText(t, error)),
  });
  const drop = useApiMutation('agreements.delete', {
    onError: (error) => message.error(errorText(t, error)),
  });

  if (!eventId) return <Empty style={{ marginTop: 80 }} />;
  if (state.isPending) return <Spin style={{ margin: 40 }} />;
  if (state.isError) return <Alert type="error" showIcon message={errorText(t, state.error)} style={{ margin: 24 }} />;
  const { items, currentIndex, eventTitle } = state.data;
  const setRunning = (run: boolean, rehearse = false) => {
    // The stage view covers the window anyway; real full screen is a bonus where the browser allows it.
    if (run) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    setRehearsed(0);
    navigate('ceremony', { event: eventId, run: run ? '1' : undefined, rehearse: run && rehearse ? '1' : undefined });
  };
  const start = () => {
    const today = dayjs().format('YYYY-MM-DD');
    if (state.data.eventDate <= today) return setRunning(true);
    const ask = modal.confirm({
      title: t('ceremony.earlyTitle'),
      content: t('ceremony.earlyBody', { date: state.data.eventDate }),
      okText: t('ceremony.earlyRun'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      // Not the real run: Space and Enter are the ceremony's own keys, pressed out of habit.
      autoFocusButton: 'cancel',
      onOk: () => setRunning(true),
      footer: (_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          <Button
            type="primary"
            onClick={() => {
              ask.destroy();
              setRunning(true, true);
            }}
          >
            {t('ceremony.rehearse')}
          </Button>
          <OkBtn />
        </>
      ),
    });
  };

  if (rehearsing) {
    // The plan as it would run from its first signing, every mark kept in this page alone.
    const rehearsal = { ...state.data, items: items.map((item, i) => ({ ...item, signedAt: i < rehearsed ? new Date().toISOString() : null })), currentIndex: rehearsed };
    return (
      <CeremonyRun
        state={rehearsal}
        busy={false}
        rehearsal
        onMark={() => setRehearsed((n) => Math.min(n + 1, items.length))}
        onUndo={() => setRehearsed((n) => Math.max(n - 1, 0))}
        onExit={() => setRunning(false)}
      />
    );
  }
  if (running) {
    return <CeremonyRun state={state.data} busy={mark.isPending || undo.isPending} onMark={() => mark.mutate({ eventId })} onUndo={() => undo.mutate({ eventId })} onExit={() => setRunning(false)} />;
  }
  return (
    <div style={{ padding: 20, overflow: 'auto' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('ceremony.title', { event: eventTitle })}
        </Typography.Title>
        <Space>
          <Button href={hrefFor('events', { open: eventId })}>{t('ceremony.back')}</Button>
          <Button size="large" disabled={items.length === 0} onClick={() => setRunning(true, true)}>
            {t('ceremony.rehearse')}
          </Button>
          <Button type="primary" danger size="large" disabled={items.length === 0} onClick={start}>
            {currentIndex > 0 && currentIndex < items.length ? t('ceremony.resume', { n: currentIndex + 1 }) : t('ceremony.start')}
          </Button>
        </Space>
      </Space>
      <Typography.Title level={5}>{t('ceremony.plan')}</Typography.Title>
      <List
        bordered
        dataSource={items}
        locale={{ emptyText: t('ceremony.planEmpty') }}
        style={{ marginBottom: 24 }}
        renderItem={(item, index) => (
          <List.Item
            data-testid="ceremony-item"
            actions={
              item.signedAt
                ? []
                : [
                    <Button key="up" size="small" disabled={index <= currentIndex || move.isPending} onClick={() => move.mutate({ eventId, agreementId: item.agreement.id, direction: 'up' })}>
                      {t('ceremony.moveUp')}
                    </Button>,
                    <Button key="down" size="small" disabled={index === items.length - 1 || move.isPending} onClick={() => move.mutate({ eventId, agreementId: item.agreement.id, direction: 'down' })}>
                      {t('ceremony.moveDown')}
                    </Button>,
                    <Popconfirm key="remove" title={t('ceremony.removeConfirm', { title: item.agreement.title })} onConfirm={() => drop.mutate({ id: item.agreement.id })}>
                      <Button size="small" danger>
                        {t('ceremony.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
            extra={item.signedAt ? <Tag color="green">{t('ceremony.signedAt', { time: new Date(item.signedAt).toLocaleTimeString() })}</Tag> : <Tag>{t('ceremony.pending')}</Tag>}
          >
            <List.Item.Meta
              title={`${index + 1}. ${item.agreement.title}`}
              description={`${item.agreement.number} · ${t(`agreementType.${item.agreement.type}`)} · ${item.agreement.parties.map((p) => (p.signatoryName ? `${p.name}（${p.signatoryName}）` : p.name)).join('、')}`}
            />
          </List.Item>
        )}
      />
      <PlanSigningForm eventId={eventId} />
    </div>
  );
}
