// The review's items as a windowed list: only the rows in view are drawn, so a file of thousands of
// changes scrolls as lightly as one of ten. Keyboard: ↑↓ move, ← keep mine, → take theirs.
import { Radio, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeItem, ExchangeSide } from '../../../../../core/exchange/contract';
import { isDecision, itemWhat, valueText, whenText } from './exchangeText';

const ROW = 72;
const HEIGHT = 432;
const KIND_COLOR: Record<string, string> = { conflict: 'red', deleteEdit: 'volcano', duplicate: 'purple', numbering: 'orange', new: 'green', changed: 'blue', deleted: 'default' };

interface Props {
  items: ExchangeItem[];
  choices: Record<string, ExchangeSide>;
  onChoose(key: string, side: ExchangeSide): void;
  onSubmit(): void;
}

export function ReviewList({ items, choices, onChoose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [scroll, setScroll] = useState(0);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scroll / ROW) - 4);
  const last = Math.min(items.length, Math.ceil((scroll + HEIGHT) / ROW) + 4);

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, items.length - 1))), [items.length]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    const element = box.current;
    if (!element) return;
    if (next * ROW < element.scrollTop) element.scrollTop = next * ROW;
    else if ((next + 1) * ROW > element.scrollTop + HEIGHT) element.scrollTop = (next + 1) * ROW - HEIGHT;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const item = items[active];
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit();
    else if (event.key === 'ArrowDown') moveTo(active + 1);
    else if (event.key === 'ArrowUp') moveTo(active - 1);
    else if (event.key === 'PageDown') moveTo(active + Math.floor(HEIGHT / ROW));
    else if (event.key === 'PageUp') moveTo(active - Math.floor(HEIGHT / ROW));
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(items.length - 1);
    else if (item && isDecision(item) && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) onChoose(item.key, event.key === 'ArrowLeft' ? 'mine' : 'theirs');
    else return;
    event.preventDefault();
  };

  return (
    <div
      ref={box}
      role="listbox"
      aria-label={t('exchange.keyboardHint')}
      aria-activedescendant={items[active] ? `exchange-item-${active}` : undefined}
      tabIndex={0}
      data-testid="exchange-review-list"
      onKeyDown={onKeyDown}
      onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
      style={{ height: HEIGHT, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, position: 'relative', outline: 'none' }}
    >
      <div style={{ height: items.length * ROW, position: 'relative' }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          const chosen = choices[item.key] ?? item.chosen;
          return (
            <div
              key={item.key}
              id={`exchange-item-${index}`}
              role="option"
              aria-selected={index === active}
              data-kind={item.kind}
              onClick={() => setActive(index)}
              style={{ position: 'absolute', top: index * ROW, height: ROW, left: 0, right: 0, padding: '6px 10px', borderBottom: '1px solid #f5f5f5', background: index === active ? '#e6f4ff' : undefined, display: 'flex', gap: 12, alignItems: 'center' }}
            >
              <Tag color={KIND_COLOR[item.kind]} style={{ width: 92, textAlign: 'center', whiteSpace: 'normal', lineHeight: 1.3 }}>
                {t(`exchange.kinds.${item.kind}`)}
              </Tag>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {item.record.label || t(`exchange.entity.${item.record.entity}`)}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {itemWhat(t, item)}
                </Typography.Text>
              </div>
              <ItemDetail item={item} chosen={chosen} onChoose={onChoose} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ItemDetail({ item, chosen, onChoose }: { item: ExchangeItem; chosen: ExchangeSide | undefined; onChoose(key: string, side: ExchangeSide): void }) {
  const { t } = useTranslation();
  if (item.kind === 'numbering') return <Typography.Text>{t('exchange.renumbered', { number: item.proposal })}</Typography.Text>;
  if (item.kind === 'duplicate') return <Typography.Text ellipsis>{t('exchange.mergedInto', { label: item.proposal })}</Typography.Text>;
  if (item.kind === 'changed') return <Typography.Text ellipsis style={{ maxWidth: 360 }}>{`${valueText(firstValue(item.mine))} → ${valueText(firstValue(item.theirs))}`}</Typography.Text>;
  if (!isDecision(item)) return null;
  const deleted = item.kind === 'deleteEdit';
  const mineText = deleted && item.deletedBy === 'mine' ? t('exchange.deletedHere') : deleted ? t('exchange.keepRecord') : valueText(item.mine);
  const theirsText = deleted && item.deletedBy === 'theirs' ? t('exchange.deletedThere') : deleted ? t('exchange.keepRecord') : valueText(item.theirs);
  return (
    <Radio.Group size="small" value={chosen} onChange={(e) => onChoose(item.key, e.target.value as ExchangeSide)} optionType="button" style={{ display: 'flex', maxWidth: 460 }}>
      <Radio.Button value="mine" style={{ height: 'auto', lineHeight: 1.3, padding: '2px 8px', maxWidth: 230, overflow: 'hidden' }} title={whenText(item.mineAt)}>
        <div style={{ fontSize: 11, opacity: 0.7 }}>{`${t('exchange.mine')} ${whenText(item.mineAt)}`}</div>
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{mineText}</div>
      </Radio.Button>
      <Radio.Button value="theirs" style={{ height: 'auto', lineHeight: 1.3, padding: '2px 8px', maxWidth: 230, overflow: 'hidden' }} title={whenText(item.theirsAt)}>
        <div style={{ fontSize: 11, opacity: 0.7 }}>{`${t('exchange.theirs')} ${whenText(item.theirsAt)}`}</div>
        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{theirsText}</div>
      </Radio.Button>
    </Radio.Group>
  );
}

function firstValue(values: unknown): unknown {
  return values && typeof values === 'object' ? Object.values(values as Record<string, unknown>)[0] : values;
}
