// Per-database settings. The agreement number pattern lives here so every clerk's copy numbers alike.
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema.js';
import type { Settings } from './contract.js';
import { DEFAULT_NUMBER_PATTERN, isValidNumberPattern } from '../agreements/agreement-rules.js';
import type { ServiceContext } from '../contract/context.js';
import { fieldError } from '../contract/errors.js';

const NUMBER_PATTERN = 'agreement.numberPattern';

export function getSettings(ctx: ServiceContext): Settings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, NUMBER_PATTERN)).get();
  return { agreementNumberPattern: row?.value ?? DEFAULT_NUMBER_PATTERN };
}

export function updateSettings(ctx: ServiceContext, input: Settings): Settings {
  if (!isValidNumberPattern(input.agreementNumberPattern)) {
    throw fieldError('agreementNumberPattern', {
      key: 'validation.numberPattern',
      message: 'The pattern needs {seq} and may use {year} and {type}, e.g. {year}-{type}-{seq}.',
    });
  }
  ctx.db
    .insert(settings)
    .values({ key: NUMBER_PATTERN, value: input.agreementNumberPattern })
    .onConflictDoUpdate({ target: settings.key, set: { value: input.agreementNumberPattern } })
    .run();
  return getSettings(ctx);
}
