// The CLI's council commands: the terms, and the council as of a day, as text or JSON.
import { COUNCIL_OFFICE_LABELS_ZH, ROLE_LABELS_ZH, TERM_STATE_LABELS_ZH } from '../contract/codes.js';
import { call, type CliIo, type Caller } from './call.js';
import { UsageError, type CliValues } from './options.js';

export async function listTerms(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const terms = await call(core, 'terms.list', {});
  if (values.json) {
    io.out(JSON.stringify(terms, null, 2));
    return 0;
  }
  for (const t of terms) {
    io.out([t.name, TERM_STATE_LABELS_ZH[t.state], t.startDate ?? '', t.endDate ?? '', t.electedEventTitle ?? '', `${t.seatCount}家`, `${t.changeCount}项变动`].join('\t'));
  }
  io.out(`${terms.length} terms`);
  return 0;
}

export async function printCouncil(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const date = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--as-of takes a date like 2025-06-30.');
  const council = await call(core, 'terms.council', { date });
  if (values.json) {
    io.out(JSON.stringify(council, null, 2));
    return 0;
  }
  if (!council.term) {
    io.out(`${date}: no council term in office`);
    return 0;
  }
  io.out(`${council.term.name}（${date}）`);
  for (const o of council.officers) io.out([COUNCIL_OFFICE_LABELS_ZH[o.office], o.personName, o.organizationName ?? ''].join('\t'));
  council.members.forEach((m, i) => io.out([i + 1, m.name, ROLE_LABELS_ZH[m.role], m.fromDate ?? ''].join('\t')));
  io.out(`${council.members.length} members of the council`);
  return 0;
}
