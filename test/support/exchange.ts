// Two or three clerks' copies in one test: exchange files passed between cores through the API.
import { memberUpdateInput } from '../../core/members/contract.js';
import type { AppCore } from '../../core/host/core.js';
import type { ExchangeRule } from '../../core/exchange/contract.js';
import { REPLICATED_TABLES } from '../../db/exchange-tables.js';
import { callOk } from './core.js';

export const CONTACT_KEYS = ['id', 'name', 'title', 'phone', 'mobile', 'email', 'isPrimary'] as const;

/** members.update with the member as it is and `patch` over it. */
export function editMember(core: AppCore, id: string, patch: Record<string, unknown>) {
  const member = callOk(core, 'members.get', { id }) as unknown as Record<string, unknown> & { contacts: Record<string, unknown>[] };
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(memberUpdateInput.shape)) if (key in member && key !== 'contacts') input[key] = member[key];
  input.contacts = member.contacts.map((c) => Object.fromEntries(CONTACT_KEYS.filter((k) => k in c).map((k) => [k, c[k]])));
  return callOk(core, 'members.update', { ...input, ...patch } as never);
}

/** An exchange file from `from` for `to` (everything `to` has not seen), as bytes in base64. */
export function exchangeFile(from: AppCore, to: AppCore | null): string {
  const partner = to ? callOk(to, 'exchange.info', {}).replica : undefined;
  return callOk(from, 'exchange.export', partner ? { partner } : { all: true }).bytes;
}

/** from → to: staged, then applied with the rule (and choices). */
export function passFile(from: AppCore, to: AppCore, rule: ExchangeRule = 'newer', choices?: Record<string, 'mine' | 'theirs'>) {
  const review = callOk(to, 'exchange.stage', { fileName: 'x.alliance-exchange', bytes: exchangeFile(from, to) });
  const applied = callOk(to, 'exchange.apply', { uploadId: review.uploadId, rule, choices });
  return { review, applied };
}

/** Every replicated table's rows, without the columns each copy keeps for itself, in a stable order. */
export function registerOf(core: AppCore): Record<string, unknown[]> {
  const sqlite = core.ctx.sqlite;
  const out: Record<string, unknown[]> = {};
  for (const table of REPLICATED_TABLES) {
    const rows = sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    out[table] = rows.map((row) => {
      const { updated_at: _u, ...rest } = row;
      return rest;
    });
  }
  return out;
}
