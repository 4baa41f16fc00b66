// The review of an exchange file before it is merged: what it holds, each item the merge would make,
// the rule for records changed on both sides and the clerk's own choice item by item, then 合并.
import { Alert, App, Button, Modal, Radio, Segmented, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeItemKind, ExchangeReview as Review, ExchangeRule, ExchangeSide } from '../../../../../core/exchange/contract';
import { errorText } from '../../../api/errors';
import { useApiMutation } from '../../../api/queries';
import { ReviewList } from './ReviewList';

const KINDS: ExchangeItemKind[] = ['conflict', 'deleteEdit', 'duplicate', 'numbering', 'new', 'changed', 'deleted'];

export function ExchangeReview({ review, onClose }: { review: Review; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [current, setCurrent] = useState(review);
  const [rule, setRule] = useState<ExchangeRule>('newer');
  const [choices, setChoices] = useState<Record<string, ExchangeSide>>({});
  const decisions = review.counts.conflict + review.counts.deleteEdit;
  const [filter, setFilter] = useState<ExchangeItemKind | 'all' | 'decide'>(decisions > 0 ? 'decide' : 'all');
  const again = useApiMutation('exchange.review', { onSuccess: setCurrent, onError: (e) => message.error(errorText(t, e)) });
  const apply = useApiMutation('exchange.apply', {
    onSuccess: (done) => {
      const extra = (done.counts.duplicate > 0 ? t('exchange.duplicatesMerged', { count: done.counts.duplicate }) : '') + (done.counts.numbering > 0 ? t('exchange.renumberedCount', { count: done.counts.numbering }) : '');
      void message.success(t('exchange.applied', { new: done.counts.new, changed: done.counts.changed, conflict: done.counts.conflict + done.counts.deleteEdit }) + extra);
      onClose();
    },
    onError: (e) => message.error(errorText(t, e)),
  });
  const items = useMemo(() => current.items.filter((i) => filter === 'all' || i.kind === filter || (filter === 'decide' && (i.kind === 'conflict' || i.kind === 'deleteEdit'))), [current, filter]);
  const nothing = current.items.length === 0;
  const changeRule = (next: ExchangeRule) => {
    setRule(next);
    // The server decides again under the new rule, so what is shown is what 合并 does.
    again.mutate({ uploadId: review.uploadId, rule: next, choices });
  };
  // A ref, not apply.isPending: a double click sends its second click before the state updates, and
  // that second merge of the same upload would answer 交换文件已失效 beside the success.
  const applying = useRef(false);
  const submit = () => {
    if (applying.current || nothing) return;
    applying.current = true;
    apply.mutate({ uploadId: review.uploadId, rule, choices }, { onSettled: () => void (applying.current = false) });
  };
  const clearChoices = () => {
    setChoices({});
    again.mutate({ uploadId: review.uploadId, rule, choices: {} });
  };
  const holds = Object.entries(current.holds)
    .map(([entity, n]) => t('exchange.holdsItem', { entity: t(`exchange.entity.${entity}`, { defaultValue: entity }), count: n }))
    .join(t('exchange.fieldSeparator'));
  const shownKinds = KINDS.filter((k) => current.counts[k] > 0 && k !== 'deleteEdit' && k !== 'conflict');
  const chosenByHand = Object.keys(choices).length;

  return (
    <Modal
      open
      width={980}
      title={t('exchange.reviewTitle', { from: current.from.label || current.from.replica.slice(0, 8) })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        nothing ? (
          <Button onClick={onClose}>{t('exchange.close')}</Button>
        ) : (
          <Space>
            <Typography.Text type="secondary">{t('exchange.keyboardHint')}</Typography.Text>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" onClick={submit} loading={apply.isPending} data-testid="exchange-apply">
              {t('exchange.apply')}
            </Button>
          </Space>
        )
      }
    >
      {/* Ctrl+Enter merges from anywhere in the review, as its hint says. */}
      <div
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('exchange.createdAt', { at: new Date(current.from.createdAt).toLocaleString() })}
          {holds ? ` · ${t('exchange.holds', { list: holds })}` : ''}
        </Typography.Text>
        {current.alreadyRead && <Alert type="info" showIcon message={t('exchange.alreadyRead')} />}
        {current.files.missing > 0 && <Alert type="warning" showIcon message={t('exchange.filesMissing', { count: current.files.missing })} />}
        {!nothing && (
        <Space wrap>
          <Typography.Text>{t('exchange.rule')}</Typography.Text>
          <Radio.Group value={rule} onChange={(e) => changeRule(e.target.value as ExchangeRule)} optionType="button" buttonStyle="solid" size="small" data-testid="exchange-rule">
            {(['newer', 'mine', 'theirs'] as const).map((r) => (
              <Radio.Button key={r} value={r}>
                {t(`exchange.rules.${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
          {chosenByHand > 0 && (
            <Button size="small" onClick={clearChoices}>
              {`${t('exchange.clearChoices')} (${chosenByHand})`}
            </Button>
          )}
        </Space>
        )}
        {nothing ? (
          <Alert type="success" showIcon message={t('exchange.empty')} />
        ) : (
          <>
            <Segmented
              size="small"
              value={filter}
              onChange={(v) => setFilter(v as ExchangeItemKind | 'all' | 'decide')}
              options={[
                { value: 'all', label: `${t('exchange.filterAll')} ${current.items.length}` },
                ...(current.counts.conflict + current.counts.deleteEdit > 0 ? [{ value: 'decide', label: t('exchange.counts', { kind: t('exchange.decide'), count: current.counts.conflict + current.counts.deleteEdit }) }] : []),
                ...shownKinds.map((k) => ({ value: k, label: t('exchange.counts', { kind: t(`exchange.kinds.${k}`), count: current.counts[k] }) })),
              ]}
            />
            <ReviewList items={items} choices={choices} onChoose={(key, side) => setChoices((c) => ({ ...c, [key]: side }))} />
          </>
        )}
      </Space>
      </div>
    </Modal>
  );
}
