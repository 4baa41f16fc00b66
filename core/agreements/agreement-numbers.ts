// Agreement numbers ({year}-{type}-{seq}): the next free one for the pattern, and refusing one in use.
import { and, eq, ne } from 'drizzle-orm';
import { agreements, events } from '../../db/schema.js';
import { getSettings } from '../alliance/settings.js';
import type { AgreementType } from '../contract/codes.js';
import { todayIso, type ServiceContext } from '../contract/context.js';
import { AppError } from '../contract/errors.js';
import { formatAgreementNumber } from './agreement-rules.js';

/** The next free number for the pattern; runs inside the creating transaction, so numbers never repeat. */
export function nextAgreementNumber(ctx: ServiceContext, type: AgreementType, year: string): string {
  const pattern = getSettings(ctx).agreementNumberPattern;
  const marker = '\u0000SEQ\u0000';
  const template = formatAgreementNumber(pattern.replace('{seq}', marker), { year, type, seq: 0 });
  const [prefix, suffix] = template.split(marker) as [string, string];
  const likePrefix = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const candidates = ctx.sqlite.prepare(`SELECT number FROM agreements WHERE number LIKE ? ESCAPE '\\'`).pluck().all(likePrefix) as string[];
  let max = 0;
  for (const number of candidates) {
    if (!number.endsWith(suffix)) continue;
    const seq = number.slice(prefix.length, number.length - suffix.length);
    if (/^\d+$/.test(seq)) max = Math.max(max, Number(seq));
  }
  return formatAgreementNumber(pattern, { year, type, seq: max + 1 });
}

export function assertNumberFree(ctx: ServiceContext, number: string, exceptId: string | null): void {
  const same = ctx.db
    .select({ id: agreements.id, title: agreements.title })
    .from(agreements)
    .where(and(eq(agreements.number, number), exceptId ? ne(agreements.id, exceptId) : undefined))
    .get();
  if (same) {
    const message = `Agreement number ${number} is already used by “${same.title}”.`;
    throw new AppError('CONFLICT', message, {
      key: 'errors.duplicateAgreementNumber',
      params: { number, title: same.title },
      fields: { number: { key: 'errors.duplicateAgreementNumber', params: { number, title: same.title }, message } },
    });
  }
}

/** The year a new number counts in: of the signing, else of the event, else this year. */
export function numberYear(ctx: ServiceContext, input: { signedDate: string | null; eventId: string | null }): string {
  if (input.signedDate) return input.signedDate.slice(0, 4);
  if (input.eventId) {
    const event = ctx.db.select({ date: events.date }).from(events).where(eq(events.id, input.eventId)).get();
    if (event) return event.date.slice(0, 4);
  }
  return todayIso(ctx).slice(0, 4);
}
