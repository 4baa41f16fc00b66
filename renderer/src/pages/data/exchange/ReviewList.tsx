// The review's items as a windowed list: only the rows in view are drawn, so a file of thousands of
// changes scrolls as lightly as one of ten. Keyboard: ↑↓ move, ← keep mine, → take theirs.
import { Radio, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeItem, ExchangeSide } from '../../../../../core/exchange/contract';
import { fieldLabel, isDecision, itemWhat, valueText, whenText } from './exchangeText';

const ROW = 84;
const HEIGHT = 432;
const KIND_COLOR: Record<string, string> = { conflict: 'red', deleteEdit: 'volcano', duplicate: 'purple', numbering: 'orange', new: 'green', changed: 'blue', deleted: 'default' };

interface Props {
  items: ExchangeItem[];
  choices: Record<string, ExchangeSide>;
  onChoose(key: string, side: ExchangeSide): void;
}

export function ReviewList({ items, choices, onChoose }: Props) {
  const { t } = useTranslation();
  const [scroll, setScroll] = useState(0);
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scroll / ROW) - 4);
  const last = Math.min(items.length, Math.ceil((scroll + HEIGHT) / ROW) + 4);

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, items.length - 1))), [items.length]);
  // The list takes the keyboard as the review opens: ↑↓ and ←→ work at once.
  useEffect(() => box.current?.focus(), []);

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
    if (event.key === 'ArrowDown') moveTo(active + 1);
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
      className="exchange-review-list"
      style={{ height: HEIGHT, overflowY: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, position: 'relative' }}
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
              className={index === active ? 'exchange-item-active' : undefined}
              style={{ position: 'absolute', top: index * ROW, height: ROW, left: 0, right: 0, padding: '6px 10px', borderBottom: '1px solid #f5f5f5', display: 'flex', gap: 12, alignItems: 'center' }}
            >
              <Tag color={KIND_COLOR[item.kind]} style={{ width: 104, textAlign: 'center', whiteSpace: 'normal', lineHeight: 1.3 }}>
                {t(`exchange.kindTags.${item.kind}`)}
              </Tag>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {item.record.label || t(`exchange.entity.${item.record.entity}`)}
                </Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                  {itemWhat(t, item)}
                </Typography.Text>
              </div>
              <ItemDetail item={item} chosen={chosen} byHand={item.key in choices} onChoose={onChoose} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** One side's value, whole on hover and in two lines at most. */
function Side({ heading, text }: { heading: string; text: string }) {
  return (
    <span title={text} style={{ display: 'block', textAlign: 'left' }}>
      <span style={{ display: 'block', fontSize: 11, opacity: 0.75 }}>{heading}</span>
      <span style={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'normal', wordBreak: 'break-all' }}>{text}</span>
    </span>
  );
}

function ItemDetail({ item, chosen, byHand, onChoose }: { item: ExchangeItem; chosen: ExchangeSide | undefined; byHand: boolean; onChoose(key: string, side: ExchangeSide): void }) {
  const { t } = useTranslation();
  if (item.kind === 'numbering') return <Typography.Text>{t('exchange.renumbered', { from: item.mine, number: item.proposal })}</Typography.Text>;
  if (item.kind === 'duplicate') return <Typography.Text ellipsis style={{ maxWidth: 420 }}>{t('exchange.mergedInto', { label: item.proposal })}</Typography.Text>;
  if (item.kind === 'changed') return <ChangedFields item={item} />;
  if (!isDecision(item)) return null;
  const deleted = item.kind === 'deleteEdit';
  const mineText = deleted && item.deletedBy === 'mine' ? t('exchange.deletedHere') : deleted ? t('exchange.keepRecord') : valueText(item.mine);
  const theirsText = deleted && item.deletedBy === 'theirs' ? t('exchange.deletedThere') : deleted ? t('exchange.keepRecord') : valueText(item.theirs);
  const button = { height: 'auto', lineHeight: 1.3, padding: '3px 8px', width: 220 } as const;
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      {byHand && <Tag color="gold">{t('exchange.byHand')}</Tag>}
      <Radio.Group size="small" value={chosen} onChange={(e) => onChoose(item.key, e.target.value as ExchangeSide)} optionType="button" buttonStyle="solid" style={{ display: 'flex' }}>
        <Radio.Button value="mine" style={button}>
          <Side heading={`${t('exchange.mine')} ${whenText(item.mineAt)}`} text={mineText} />
        </Radio.Button>
        <Radio.Button value="theirs" style={button}>
          <Side heading={`${t('exchange.theirs')} ${whenText(item.theirsAt)}`} text={theirsText} />
        </Radio.Button>
      </Radio.Group>
    </span>
  );
}

/** Every field changed there: 地址：甲 → 乙；备注：… */
function ChangedFields({ item }: { item: ExchangeItem }) {
  const { t } = useTranslation();
  const before = (item.mine ?? {}) as Record<string, unknown>;
  const after = (item.theirs ?? {}) as Record<string, unknown>;
  const text = Object.keys(after)
    .map((column) => `${fieldLabel(t, item.table, column)}${t('exchange.colon')}${valueText(before[column])} → ${valueText(after[column])}`)
    .join(t('exchange.listSeparator'));
  return (
    <Typography.Text title={text} style={{ maxWidth: 460, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
      {text}
    </Typography.Text>
  );
}
