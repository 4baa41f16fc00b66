// Whether a record another one names still exists, and refusing a name that does not, at its field:
// one check for the member, event and agreement references the newer records carry.
import type { ServiceContext } from '../contract/context.js';
import { fieldError } from '../contract/errors.js';

const REFERENCED = {
  organizations: { key: 'errors.memberNotFound', message: 'No member with this id.' },
  events: { key: 'errors.eventNotFound', message: 'No event with this id.' },
  agreements: { key: 'errors.agreementNotFound', message: 'No agreement with this id.' },
} as const;
export type Referenced = keyof typeof REFERENCED;

export function recordExists(ctx: ServiceContext, table: Referenced, id: string): boolean {
  return ctx.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Refuses, naming the field, an id whose record does not exist; no id passes. */
export function assertReference(ctx: ServiceContext, table: Referenced, id: string | null | undefined, field: string): void {
  if (id && !recordExists(ctx, table, id)) throw fieldError(field, { ...REFERENCED[table] });
}
