// A certificate's layout: where each text sits on the A4 page, in millimetres from the top left, so
// a clerk can match pre-printed paper (套打); and what it says. Plain data: the pdf writer and the
// in-app preview both lay a certificate out from it, so the preview is the page.
import { z } from 'zod';
import { chineseNumber, type AwardKind } from '../contract/codes.js';
import { multilineText } from '../contract/validation.js';

const place = z.strictObject({
  x: z.number().min(0).max(210),
  y: z.number().min(0).max(297),
  /** Points. */
  size: z.number().min(6).max(96),
});
const wide = place.extend({ width: z.number().min(10).max(210) });

export const certificateLayout = z
  .strictObject({
    /** Plain paper: the frame and the heading are printed; pre-printed paper (套打): only the fields. */
    printFrame: z.boolean(),
    heading: multilineText(0, 20),
    /** {recipient} {unit} {title} {alliance}: filled from the award and the alliance. */
    body: multilineText(1, 300),
    places: z.strictObject({ heading: place, body: wide, signer: place, date: place, number: place }),
  })
  .superRefine((layout, ctx) => {
    // The body wraps within its width: the whole block stays on the sheet.
    if (layout.places.body.x + layout.places.body.width > 210) {
      ctx.addIssue({ code: 'custom', path: ['places', 'body', 'width'], message: 'The text runs past the right edge of the A4 sheet (X + width > 210 mm).', params: { key: 'validation.bodyOffPage' } });
    }
  });
export type CertificateLayout = z.output<typeof certificateLayout>;

export const DEFAULT_LAYOUTS: Record<AwardKind, CertificateLayout> = {
  plaque: {
    printFrame: true,
    heading: '授牌证书',
    body: '{recipient}：\n经{alliance}理事会研究，授予贵单位“{title}”称号。',
    places: { heading: { x: 105, y: 60, size: 36 }, body: { x: 35, y: 105, width: 140, size: 18 }, signer: { x: 175, y: 200, size: 16 }, date: { x: 175, y: 212, size: 16 }, number: { x: 35, y: 265, size: 10 } },
  },
  appointment: {
    printFrame: true,
    heading: '聘书',
    body: '兹聘请{recipient}（{unit}）为{alliance}{title}。',
    places: { heading: { x: 105, y: 60, size: 40 }, body: { x: 35, y: 105, width: 140, size: 18 }, signer: { x: 175, y: 200, size: 16 }, date: { x: 175, y: 212, size: 16 }, number: { x: 35, y: 265, size: 10 } },
  },
};

export interface CertificateTexts {
  heading: string;
  body: string;
  signer: string;
  date: string;
  number: string;
}

/** 2026-11-29 → 二〇二六年十一月二十九日, as certificates date themselves. */
export function certificateDate(iso: string): string {
  const digits = '〇一二三四五六七八九';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(y).split('').map((c) => digits[Number(c)]).join('')}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/** What a certificate says, from the layout's template and the award. */
export function certificateTexts(layout: CertificateLayout, award: { number: string; title: string; date: string; recipient: string; unit: string | null }, alliance: string): CertificateTexts {
  const body = layout.body.replaceAll('{recipient}', award.recipient).replaceAll('{unit}', award.unit ?? '').replaceAll('{title}', award.title).replaceAll('{alliance}', alliance).replace('（）', '');
  return { heading: layout.heading, body, signer: alliance, date: certificateDate(award.date), number: `证书编号：${award.number}` };
}
