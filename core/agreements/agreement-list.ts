// Agreement rows for lists, events, the ceremony and the dashboard: their filters (including the
// derived states in force / expiring / expired, as of today), orders and parties.
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, not, or, sql, type SQL } from 'drizzle-orm';
import { agreementParties, agreements, events, organizations } from '../../db/schema.js';
import { EXPIRING_WITHIN_DAYS, type AgreementState, type AgreementStatus, type OrganizationCategory } from '../contract/codes.js';
import { todayIso, type ServiceContext } from '../contract/context.js';
import { containsPattern } from '../text/search-text.js';
import { addDays, agreementState } from './agreement-rules.js';
import type { AgreementFilters, AgreementListInput, AgreementPage, AgreementParty, AgreementRow } from './contract.js';

export function partiesOf(ctx: ServiceContext, agreementIds: string[]): Map<string, AgreementParty[]> {
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
  renewed: renewedSql(),
};

/** Whether a signed agreement renews (or amends) this one: then it is not expiring. */
export function renewedSql(): SQL<boolean> {
  return sql<number>`EXISTS (SELECT 1 FROM agreements AS successor WHERE successor.amends_id = ${agreements.id} AND successor.status = 'signed')`.mapWith(Boolean);
}

function toRows(ctx: ServiceContext, records: { id: string; status: string; expiresOn: string | null; renewed: boolean }[]): AgreementRow[] {
  const today = todayIso(ctx);
  const parties = partiesOf(
    ctx,
    records.map((r) => r.id),
  );
  return records.map(({ renewed, ...r }) => ({
    ...(r as Omit<AgreementRow, 'state' | 'parties'>),
    state: agreementState(r.status as AgreementStatus, r.expiresOn, today, renewed),
    parties: (parties.get(r.id) ?? []).map((p) => ({ organizationId: p.organizationId, name: p.name, label: p.label, signatoryName: p.signatoryName })),
  }));
}

/** Agreement rows for a condition, in the order given. */
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

/** SQL for the derived states, as of today. */
function stateCondition(state: AgreementState, today: string): SQL {
  const soon = addDays(today, EXPIRING_WITHIN_DAYS);
  switch (state) {
    case 'draft':
    case 'terminated':
      return eq(agreements.status, state);
    case 'in_force':
      return and(eq(agreements.status, 'signed'), or(sql`${agreements.expiresOn} IS NULL`, sql`${agreements.expiresOn} > ${soon}`, and(gte(agreements.expiresOn, today), renewedSql())))!;
    case 'expiring':
      return and(eq(agreements.status, 'signed'), gte(agreements.expiresOn, today), lte(agreements.expiresOn, soon), not(renewedSql()))!;
    case 'expired':
      return and(eq(agreements.status, 'signed'), isNotNull(agreements.expiresOn), sql`${agreements.expiresOn} < ${today}`)!;
  }
}

export function agreementFilter(ctx: ServiceContext, input: Partial<AgreementFilters>): SQL | undefined {
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

export function listAgreements(ctx: ServiceContext, input: AgreementListInput): AgreementPage {
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
