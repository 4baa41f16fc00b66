// Agreements (合作协议): numbered, typed by their parties' categories, with derived states from dates.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { agreementParties, agreements, events, organizations } from '../../db/schema.js';
import type { ApiParsed } from '../contract/registry.js';
import { agreementState, agreementTypeProblem, expiresOn, formatAgreementNumber, suggestAgreementType, addDays } from './agreement-rules.js';
import { attachmentsOf, deleteAttachmentsOf } from '../attachments/attachments.js';
import { recordChange } from '../history/changelog.js';
import { EXPIRING_WITHIN_DAYS, PARTY_LABELS_ZH, type AgreementState, type AgreementStatus, type AgreementType, type OrganizationCategory } from '../contract/codes.js';
import { nowIso, todayIso, type ServiceContext } from '../contract/context.js';
import type { HandlerMap } from '../contract/dispatcher.js';
import { AppError, fieldError } from '../contract/errors.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { buildSearchText, containsPattern } from '../text/search-text.js';
import { getSettings } from '../alliance/settings.js';
import type { Agreement, AgreementPage, AgreementParty, AgreementRow } from '../contract/types.js';

type AgreementInput = ApiParsed<'agreements.create'>;

function partyOrganizations(ctx: ServiceContext, parties: { organizationId: string }[]): { id: string; name: string; category: OrganizationCategory }[] {
  const ids = parties.map((p) => p.organizationId);
  const found = ctx.db.select({ id: organizations.id, name: organizations.name, category: organizations.category }).from(organizations).where(inArray(organizations.id, ids)).all();
  const byId = new Map(found.map((o) => [o.id, o]));
  return parties.map((party, index) => {
    const org = byId.get(party.organizationId);
    if (!org) throw fieldError(`parties.${index}.organizationId`, { key: 'errors.memberNotFound', message: 'No member with this id.' });
    return { ...org, category: org.category as OrganizationCategory };
  });
}

/** The type to store: the one given if the parties can have it (else the reason), or the suggestion. */
export function resolveType(requested: AgreementType | undefined, categories: OrganizationCategory[]): AgreementType {
  const type = requested ?? suggestAgreementType(categories);
  const problem = agreementTypeProblem(type, categories);
  if (problem) throw fieldError('type', problem);
  return type;
}

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

function assertNumberFree(ctx: ServiceContext, number: string, exceptId: string | null): void {
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

function assertExists(ctx: ServiceContext, field: string, table: typeof events | typeof agreements, id: string | null, key: string): void {
  if (!id) return;
  if (!ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get()) {
    throw fieldError(field, { key, message: 'Not found.' });
  }
}

function partiesOf(ctx: ServiceContext, agreementIds: string[]): Map<string, AgreementParty[]> {
  const byAgreement = new Map<string, AgreementParty[]>();
  if (agreementIds.length === 0) return byAgreement;
  const rows = ctx.db
    .select({
      agreementId: agreementParties.agreementId,
      id: agreementParties.id,
      organizationId: agreementParties.organizationId,
      name: organizations.name,
      category: organizations.category,
      label: agreementParties.label,
      signatoryName: agreementParties.signatoryName,
      signatoryTitle: agreementParties.signatoryTitle,
      sealAffixed: agreementParties.sealAffixed,
    })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.position))
    .all();
  for (const { agreementId, ...party } of rows) {
    const list = byAgreement.get(agreementId) ?? [];
    list.push({ ...party, category: party.category as OrganizationCategory });
    byAgreement.set(agreementId, list);
  }
  return byAgreement;
}

const rowColumns = {
  id: agreements.id,
  number: agreements.number,
  title: agreements.title,
  type: agreements.type,
  status: agreements.status,
  signedDate: agreements.signedDate,
  expiresOn: agreements.expiresOn,
  eventId: agreements.eventId,
  eventTitle: events.title,
  isSample: agreements.isSample,
};

function toRows(ctx: ServiceContext, records: { id: string; status: string; expiresOn: string | null }[]): AgreementRow[] {
  const today = todayIso(ctx);
  const parties = partiesOf(
    ctx,
    records.map((r) => r.id),
  );
  return records.map((r) => ({
    ...(r as Omit<AgreementRow, 'state' | 'parties'>),
    state: agreementState(r.status as AgreementStatus, r.expiresOn, today),
    parties: (parties.get(r.id) ?? []).map((p) => ({ organizationId: p.organizationId, name: p.name, label: p.label, signatoryName: p.signatoryName })),
  }));
}

/** Agreement rows for a condition, in the order given (used by lists, events, the ceremony and the dashboard). */
export function agreementRows(ctx: ServiceContext, where: SQL | undefined, order: SQL[] = [asc(agreements.number)], limit = 5000, offset = 0): AgreementRow[] {
  const records = ctx.db
    .select(rowColumns)
    .from(agreements)
    .leftJoin(events, eq(events.id, agreements.eventId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all();
  return toRows(ctx, records);
}

export function getAgreement(ctx: ServiceContext, id: string): Agreement {
  const record = ctx.db.select().from(agreements).where(eq(agreements.id, id)).get();
  if (!record) throw new AppError('NOT_FOUND', `No agreement with id ${id}.`, { key: 'errors.agreementNotFound' });
  const eventTitle = record.eventId ? (ctx.db.select({ title: events.title }).from(events).where(eq(events.id, record.eventId)).get()?.title ?? null) : null;
  const amendsNumber = record.amendsId ? (ctx.db.select({ number: agreements.number }).from(agreements).where(eq(agreements.id, record.amendsId)).get()?.number ?? null) : null;
  return {
    id: record.id,
    number: record.number,
    title: record.title,
    type: record.type as AgreementType,
    status: record.status as AgreementStatus,
    state: agreementState(record.status as AgreementStatus, record.expiresOn, todayIso(ctx)),
    signedDate: record.signedDate,
    place: record.place,
    eventId: record.eventId,
    eventTitle,
    effectiveDate: record.effectiveDate,
    endDate: record.endDate,
    termYears: record.termYears,
    expiresOn: record.expiresOn,
    terminatedDate: record.terminatedDate,
    summary: record.summary,
    tags: record.tags,
    amendsId: record.amendsId,
    amendsNumber,
    isSample: record.isSample,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    parties: partiesOf(ctx, [id]).get(id) ?? [],
    attachments: attachmentsOf(ctx, 'agreement', id),
  };
}

function storedValues(input: AgreementInput, type: AgreementType, partyNames: string[]) {
  return {
    title: input.title,
    type,
    status: input.status,
    signedDate: input.signedDate,
    place: input.place,
    eventId: input.eventId,
    effectiveDate: input.effectiveDate,
    endDate: input.endDate,
    termYears: input.termYears,
    expiresOn: expiresOn(input),
    terminatedDate: input.status === 'terminated' ? input.terminatedDate : null,
    summary: input.summary,
    tags: input.tags,
    amendsId: input.amendsId,
    searchText: buildSearchText([input.title, input.summary, ...input.tags, ...partyNames]),
  };
}

function writeParties(ctx: ServiceContext, agreementId: string, parties: AgreementInput['parties']): void {
  ctx.db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId)).run();
  parties.forEach((party, position) => {
    ctx.db
      .insert(agreementParties)
      .values({
        id: randomUUID(),
        agreementId,
        organizationId: party.organizationId,
        position,
        label: party.label ?? PARTY_LABELS_ZH[position] ?? `第${position + 1}方`,
        signatoryName: party.signatoryName,
        signatoryTitle: party.signatoryTitle,
        sealAffixed: party.sealAffixed,
      })
      .run();
  });
}

function numberYear(ctx: ServiceContext, input: AgreementInput): string {
  if (input.signedDate) return input.signedDate.slice(0, 4);
  if (input.eventId) {
    const event = ctx.db.select({ date: events.date }).from(events).where(eq(events.id, input.eventId)).get();
    if (event) return event.date.slice(0, 4);
  }
  return todayIso(ctx).slice(0, 4);
}

export function createAgreement(ctx: ServiceContext, input: AgreementInput, options: { isSample?: boolean; id?: string } = {}): Agreement {
  // IMMEDIATE: take the write lock before reading the highest number, so two writers cannot pick the same one.
  return ctx.sqlite.transaction(() => {
    const orgs = partyOrganizations(ctx, input.parties);
    const type = resolveType(input.type, orgs.map((o) => o.category));
    assertExists(ctx, 'eventId', events, input.eventId, 'errors.eventNotFound');
    assertExists(ctx, 'amendsId', agreements, input.amendsId, 'errors.agreementNotFound');
    const number = input.number ?? nextAgreementNumber(ctx, type, numberYear(ctx, input));
    assertNumberFree(ctx, number, null);
    const id = options.id ?? randomUUID();
    const at = nowIso(ctx);
    const values = storedValues(input, type, orgs.map((o) => o.name));
    ctx.db
      .insert(agreements)
      .values({ id, number, ...values, searchText: buildSearchText([number, values.searchText]), isSample: options.isSample ?? false, createdAt: at, updatedAt: at })
      .run();
    writeParties(ctx, id, input.parties);
    const created = getAgreement(ctx, id);
    recordChange(ctx, 'agreement', id, 'create', null, created);
    return created;
  }).immediate();
}

export function updateAgreement(ctx: ServiceContext, input: ApiParsed<'agreements.update'>): Agreement {
  return ctx.sqlite.transaction(() => {
    const before = getAgreement(ctx, input.id);
    const orgs = partyOrganizations(ctx, input.parties);
    const type = resolveType(input.type, orgs.map((o) => o.category));
    assertExists(ctx, 'eventId', events, input.eventId, 'errors.eventNotFound');
    assertExists(ctx, 'amendsId', agreements, input.amendsId, 'errors.agreementNotFound');
    if (input.amendsId === input.id) throw fieldError('amendsId', { key: 'validation.amendsItself', message: 'An agreement cannot amend itself.' });
    const number = input.number ?? before.number;
    assertNumberFree(ctx, number, input.id);
    const values = storedValues(input, type, orgs.map((o) => o.name));
    ctx.db
      .update(agreements)
      .set({ ...values, number, searchText: buildSearchText([number, values.searchText]), updatedAt: nowIso(ctx) })
      .where(eq(agreements.id, input.id))
      .run();
    writeParties(ctx, input.id, input.parties);
    const after = getAgreement(ctx, input.id);
    recordChange(ctx, 'agreement', input.id, 'update', before, after);
    return after;
  }).immediate();
}

/** Marks an agreement signed (used by the signing ceremony) or back to draft (its undo). */
export function setAgreementSigned(ctx: ServiceContext, id: string, signedDate: string | null): void {
  const before = getAgreement(ctx, id);
  const values = { status: signedDate ? 'signed' : 'draft', signedDate, updatedAt: nowIso(ctx) };
  ctx.db
    .update(agreements)
    .set({ ...values, expiresOn: expiresOn({ ...before, signedDate }) })
    .where(eq(agreements.id, id))
    .run();
  recordChange(ctx, 'agreement', id, 'update', before, getAgreement(ctx, id));
}

export function deleteAgreement(ctx: ServiceContext, id: string): { id: string } {
  ctx.sqlite.transaction(() => {
    const before = getAgreement(ctx, id);
    const amending = ctx.db.select({ number: agreements.number }).from(agreements).where(eq(agreements.amendsId, id)).all();
    if (amending.length > 0) {
      const numbers = amending.map((a) => a.number).join('、');
      throw new AppError('IN_USE', `Agreements ${numbers} amend or renew this one.`, { key: 'errors.agreementAmended', params: { numbers } });
    }
    deleteAttachmentsOf(ctx, 'agreement', id);
    ctx.db.delete(agreements).where(eq(agreements.id, id)).run();
    recordChange(ctx, 'agreement', id, 'delete', before, null);
  })();
  return { id };
}

/** SQL for the derived states, as of today. */
function stateCondition(state: AgreementState, today: string): SQL {
  const soon = addDays(today, EXPIRING_WITHIN_DAYS);
  switch (state) {
    case 'draft':
    case 'terminated':
      return eq(agreements.status, state);
    case 'in_force':
      return and(eq(agreements.status, 'signed'), or(sql`${agreements.expiresOn} IS NULL`, sql`${agreements.expiresOn} > ${soon}`))!;
    case 'expiring':
      return and(eq(agreements.status, 'signed'), gte(agreements.expiresOn, today), lte(agreements.expiresOn, soon))!;
    case 'expired':
      return and(eq(agreements.status, 'signed'), isNotNull(agreements.expiresOn), sql`${agreements.expiresOn} < ${today}`)!;
  }
}

export function agreementFilter(ctx: ServiceContext, input: Partial<Omit<ApiParsed<'agreements.list'>, 'sort' | 'direction' | 'offset' | 'limit'>>): SQL | undefined {
  const today = todayIso(ctx);
  const conditions: (SQL | undefined)[] = [];
  if (input.types?.length) conditions.push(inArray(agreements.type, input.types));
  if (input.states?.length) conditions.push(or(...input.states.map((s) => stateCondition(s, today))));
  if (input.from) conditions.push(gte(agreements.signedDate, input.from));
  if (input.to) conditions.push(lte(agreements.signedDate, input.to));
  if (input.eventId) conditions.push(eq(agreements.eventId, input.eventId));
  if (input.organizationId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = agreements.id AND p.organization_id = ${input.organizationId})`);
  }
  if (input.text?.trim()) conditions.push(sql`${agreements.searchText} LIKE ${containsPattern(input.text)} ESCAPE '\\'`);
  return and(...conditions);
}

export function listAgreements(ctx: ServiceContext, input: ApiParsed<'agreements.list'>): AgreementPage {
  const where = agreementFilter(ctx, input);
  const dir = input.direction === 'asc' ? asc : desc;
  const order = {
    signedDate: [sql`${agreements.signedDate} IS NULL`, dir(agreements.signedDate), asc(agreements.number)],
    number: [dir(agreements.number)],
    expiresOn: [sql`${agreements.expiresOn} IS NULL`, dir(agreements.expiresOn), asc(agreements.number)],
  }[input.sort];
  const rows = agreementRows(ctx, where, order, input.limit, input.offset);
  const total = ctx.db.select({ n: sql<number>`count(*)` }).from(agreements).where(where).get()!.n;
  return { rows, total, offset: input.offset, limit: input.limit };
}

export function suggestType(ctx: ServiceContext, input: ApiParsed<'agreements.suggestType'>) {
  const categories = partyOrganizations(ctx, input.organizationIds.map((organizationId) => ({ organizationId }))).map((o) => o.category);
  const problem = input.type ? agreementTypeProblem(input.type, categories) : null;
  return { suggested: suggestAgreementType(categories), problem };
}

// A member that is party to an agreement cannot be deleted; the error names the agreements.
registerMemberReferenceCheck((ctx, organizationId) => {
  const numbers = ctx.sqlite
    .prepare('SELECT a.number FROM agreements a JOIN agreement_parties p ON p.agreement_id = a.id WHERE p.organization_id = ? ORDER BY a.number')
    .pluck()
    .all(organizationId) as string[];
  if (numbers.length === 0) return null;
  const list = numbers.slice(0, 5).join('、') + (numbers.length > 5 ? ` 等 ${numbers.length} 份` : '');
  return { key: 'errors.memberInAgreements', params: { numbers: list }, message: `This member is a party to agreements ${list}; it cannot be deleted. Withdraw it instead.` };
});

export const agreementHandlers: HandlerMap = {
  'agreements.list': (input, ctx) => listAgreements(ctx, input),
  'agreements.get': (input, ctx) => getAgreement(ctx, input.id),
  'agreements.create': (input, ctx) => createAgreement(ctx, input),
  'agreements.update': (input, ctx) => updateAgreement(ctx, input),
  'agreements.delete': (input, ctx) => deleteAgreement(ctx, input.id),
  'agreements.suggestType': (input, ctx) => suggestType(ctx, input),
};
