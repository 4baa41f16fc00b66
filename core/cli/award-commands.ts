// The CLI's registers of plaques (授牌) and appointment letters (聘书), as text or JSON.
import type { AwardKind } from '../contract/codes.js';
import { call, type CliIo, type Caller } from './call.js';
import type { CliValues } from './options.js';

export async function listAwardsCommand(core: Caller, kind: AwardKind, values: CliValues, io: CliIo): Promise<number> {
  const awards = await call(core, 'awards.list', { kind, text: values.text });
  if (values.json) {
    io.out(JSON.stringify(awards.map(({ isSample: _s, createdAt: _c, updatedAt: _u, ...a }) => a), null, 2));
    return 0;
  }
  for (const a of awards) io.out([a.number, a.title, kind === 'plaque' ? (a.organizationName ?? '') : `${a.personName ?? ''}（${a.organizationName ?? ''}）`, a.date, a.validUntil ?? ''].join('\t'));
  io.out(`${awards.length} ${kind === 'plaque' ? 'plaques' : 'appointment letters'}`);
  return 0;
}
