// Signing-ceremony mode for one event: plan the order, then run it (#/ceremony?event=ID&run=1).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CeremonyState } from '../../../../core/events/contract';
import { errorText } from '../../api/errors';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/queries';
import { hrefFor, type Page } from '../../hooks/useHashRoute';
import { CeremonyRun } from './CeremonyRun';
import { PlanSigningForm } from './PlanSigningForm';

export function CeremonyPage({ params, navigate }: { params: URLSearchParams; navigate(page: Page, params?: Record<string, string | undefined>): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const eventId = params.get('event') ?? '';
  const running = params.get('run') === '1';
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
  const setRunning = (run: boolean) => {
    // The stage view covers the window anyway; real full screen is a bonus where the browser allows it.
    if (run) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate('ceremony', { event: eventId, run: run ? '1' : undefined });
  };

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
          <Button type="primary" danger size="large" disabled={items.length === 0} onClick={() => setRunning(true)}>
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
