// The CLI's listing commands: members, the roster, agreements and events, as text or JSON.
import { AGREEMENT_TYPE_LABELS_ZH, CATEGORY_LABELS_ZH, ROLE_LABELS_ZH, STATUS_LABELS_ZH } from '../contract/codes.js';
import type { ApiInput } from '../contract/registry.js';
import { call, type CliIo, type Caller } from './call.js';
import { list, type CliValues } from './options.js';

/** The agreement filters shared by `agreements list` and `export agreements`. */
export function agreementFilters(values: CliValues) {
  return {
    types: list(values.type),
    states: list(values.state),
    organizationId: values.member,
    eventId: values.event,
    from: values.from,
    to: values.to,
    text: values.text,
  };
}

export async function listMembers(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const filters = { categories: list(values.category), roles: list(values.role), statuses: list(values.status), text: values.text, sort: values.sort } as ApiInput<'members.list'>;
  const rows = [];
  for (let offset = 0; ; ) {
    const page = await call(core, 'members.list', { ...filters, offset, limit: 5000 });
    rows.push(...page.rows);
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.total) break;
  }
  if (values.json) {
    io.out(JSON.stringify(rows.map((r) => ({ id: r.id, name: r.name, category: r.category, role: r.role, uscc: r.uscc, status: r.status, joinDate: r.joinDate, contact: r.contactName, phone: r.contactPhone })), null, 2));
  } else {
    rows.forEach((r, i) => io.out([i + 1, r.name, CATEGORY_LABELS_ZH[r.category], ROLE_LABELS_ZH[r.role], STATUS_LABELS_ZH[r.status], r.uscc ?? ''].join('\t')));
    io.out(`${rows.length} members`);
  }
  return 0;
}

export async function printRoster(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const roster = await call(core, 'reports.roster', { includeUscc: Boolean(values.uscc), order: values.order } as ApiInput<'reports.roster'>);
  if (values.json) {
    io.out(JSON.stringify(roster, null, 2));
    return 0;
  }
  if (roster.allianceName) io.out(`${roster.allianceName}成员单位名单`);
  for (const group of roster.groups) {
    io.out(group.heading);
    for (const r of group.rows) io.out([r.seq, r.name, ROLE_LABELS_ZH[r.role], r.contactName ?? '', r.contactTitle ?? '', r.contactPhone ?? '', ...(values.uscc ? [r.uscc ?? ''] : [])].join('\t'));
  }
  return 0;
}

export async function listAgreements(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const page = await call(core, 'agreements.list', { ...agreementFilters(values), limit: 5000 } as ApiInput<'agreements.list'>);
  if (values.json) {
    const rows = page.rows.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      type: a.type,
      status: a.status,
      state: a.state,
      signedDate: a.signedDate,
      expiresOn: a.expiresOn,
      event: a.eventTitle,
      parties: a.parties.map((p) => ({ organizationId: p.organizationId, name: p.name, label: p.label, signatory: p.signatoryName })),
    }));
    io.out(JSON.stringify(rows, null, 2));
  } else {
    for (const a of page.rows) io.out([a.number, AGREEMENT_TYPE_LABELS_ZH[a.type], a.title, a.signedDate ?? '', a.state, a.parties.map((p) => p.name).join('、')].join('\t'));
    io.out(`${page.total} agreements`);
  }
  return 0;
}

export async function listEvents(core: Caller, values: CliValues, io: CliIo): Promise<number> {
  const rows = await call(core, 'events.list', { from: values.from, to: values.to, text: values.text } as ApiInput<'events.list'>);
  if (values.json) {
    io.out(JSON.stringify(rows.map((e) => ({ id: e.id, date: e.date, startTime: e.startTime, type: e.type, title: e.title, venue: e.venue, agreements: e.agreementCount })), null, 2));
  } else {
    for (const e of rows) io.out([e.date, e.type, e.title, e.venue ?? ''].join('\t'));
    io.out(`${rows.length} events`);
  }
  return 0;
}
