// The council (理事会): its terms, each term's composition, offices and mid-term changes, 换届, and
// the council as it was on any day. The members' current roles are read from the current term.
import { Alert, App, Button, Empty, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CouncilAsOfView } from './CouncilAsOfView';
import { MakeCurrentModal } from './MakeCurrentModal';
import { OfficersEditor } from './OfficersEditor';
import { SeatsTable } from './SeatsTable';
import { TermChanges } from './TermChanges';
import { TermInfoForm } from './TermInfoForm';
import { TERM_STATE_COLORS, termLabel } from './term-label';


export function CouncilPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const terms = useApiQuery('terms.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [electing, setElecting] = useState(false);
  const [tab, setTab] = useState('seats');
  const list = terms.data ?? [];
  const term = list.find((x) => x.id === chosen) ?? list.find((x) => x.state === 'current') ?? list[0] ?? null;
  const draft = list.find((x) => x.state === 'draft');
  const startNext = useApiMutation('terms.startNext', {
    onSuccess: (created) => {
      setChosen(created.id);
      setTab('seats');
      message.success(created.state === 'current' ? t('council.formed', { name: termLabel(t, created) }) : t('council.draftStarted', { name: termLabel(t, created) }));
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const remove = useApiMutation('terms.delete', {
    onSuccess: () => {
      setChosen(null);
      message.success(t('council.termDeleted'));
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const detail = useApiQuery('terms.get', { id: term?.id ?? '' }, { enabled: Boolean(term) });

  if (terms.isPending) return <Spin style={{ margin: 48 }} />;
  if (terms.isError) return <Alert type="error" showIcon style={{ margin: 16 }} message={errorText(t, terms.error)} />;

  const editable = term !== null && detail.data !== undefined;
  return (
    <div style={{ padding: '12px 16px', overflow: 'auto' }}>
      <Space wrap style={{ marginBottom: 12 }}>
        {list.length > 0 && (
          <Select<string>
            aria-label={t('council.chooseTerm')}
            style={{ minWidth: 260 }}
            value={term?.id}
            onChange={(id) => setChosen(id)}
            options={list.map((x) => ({ value: x.id, label: [termLabel(t, x), t(`termState.${x.state}`), x.startDate && t('council.from', { date: x.startDate })].filter(Boolean).join(' · ') }))}
          />
        )}
        {!draft && (
          <Button type={list.length === 0 ? 'primary' : 'default'} loading={startNext.isPending} onClick={() => !startNext.isPending && startNext.mutate({})}>
            {list.some((x) => x.state === 'current') ? t('council.startNext') : t('council.startFirst')}
          </Button>
        )}
        {draft && term?.id === draft.id && (
          <Button type="primary" onClick={() => setElecting(true)}>
            {t('council.makeCurrent')}
          </Button>
        )}
        {term && term.state !== 'current' && (
          <Button
            danger
            onClick={() =>
              modal.confirm({
                title: t('council.deleteTermConfirm', { name: termLabel(t, term) }),
                content: t('council.deleteTermHint'),
                okButtonProps: { danger: true },
                onOk: () => remove.mutateAsync({ id: term.id }),
              })
            }
          >
            {term.state === 'draft' ? t('council.discardDraft') : t('council.deleteTerm')}
          </Button>
        )}
      </Space>
      {list.length === 0 ? (
        <Empty description={<Typography.Text>{t('council.empty')}</Typography.Text>} />
      ) : (
        term && (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="term-title">
              {termLabel(t, term)} <Tag color={TERM_STATE_COLORS[term.state]}>{t(`termState.${term.state}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
                {[term.startDate && t('council.from', { date: term.startDate }), term.endDate && t('council.to', { date: term.endDate }), term.electedEventTitle && t('council.electedAt', { title: term.electedEventTitle })].filter(Boolean).join(t('council.separator'))}
              </Typography.Text>
            </Typography.Title>
            {term.state === 'draft' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('council.draftHint')} />}
            {term.ordinal == null && term.state === 'current' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('council.unknownHint')} />}
            {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
            {editable && (
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'seats', label: t('council.tab.seats', { count: seatCount(detail.data) }), children: <SeatsTable term={detail.data} /> },
                  { key: 'officers', label: t('council.tab.officers'), children: <OfficersEditor key={term.id} term={detail.data} active={tab === 'officers'} /> },
                  ...(term.state === 'current' || detail.data.changes.length > 0 ? [{ key: 'changes', label: t('council.tab.changes', { count: detail.data.changes.length }), children: <TermChanges term={detail.data} /> }] : []),
                  { key: 'info', label: t('council.tab.info'), children: <TermInfoForm key={term.id} term={detail.data} /> },
                  { key: 'asOf', label: t('council.tab.asOf'), children: <CouncilAsOfView /> },
                ]}
              />
            )}
          </>
        )
      )}
      {draft && <MakeCurrentModal open={electing} draft={draft} onClose={() => setElecting(false)} />}
    </div>
  );
}

/** The units seated: now for a current or draft term, over its whole span for a closed one (every seat has ended). */
function seatCount(term: { state: string; seats: { organizationId: string; toDate: string | null }[] }): number {
  return new Set(term.seats.filter((s) => term.state === 'closed' || s.toDate === null).map((s) => s.organizationId)).size;
}
