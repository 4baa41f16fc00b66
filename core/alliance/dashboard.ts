// The dashboard's figures: each is also a filter the UI links to.
import { asc, desc, gte, inArray, lt, sql } from 'drizzle-orm';
import { agreements, events, organizations } from '../../db/schema.js';
import { agreementFilter, agreementRows } from '../agreements/agreement-list.js';
import { AGREEMENT_STATES, AGREEMENT_TYPES, ORGANIZATION_CATEGORIES, type OrganizationCategory } from '../contract/codes.js';
import { todayIso, type ServiceContext } from '../contract/context.js';
import { eventRows } from '../events/events.js';
import { ROSTER_STATUSES } from '../members/roster.js';
import type { Dashboard } from './contract.js';

export function dashboard(ctx: ServiceContext): Dashboard {
  const today = todayIso(ctx);
  const memberCounts = new Map(
    ctx.db
      .select({ category: organizations.category, n: sql<number>`count(*)` })
      .from(organizations)
      .where(inArray(organizations.status, ROSTER_STATUSES))
      .groupBy(organizations.category)
      .all()
      .map((r) => [r.category as OrganizationCategory, r.n]),
  );
  const typeCounts = new Map(ctx.db.select({ type: agreements.type, n: sql<number>`count(*)` }).from(agreements).groupBy(agreements.type).all().map((r) => [r.type, r.n]));
  const count = (where: ReturnType<typeof agreementFilter>) => ctx.db.select({ n: sql<number>`count(*)` }).from(agreements).where(where).get()!.n;
  return {
    today,
    membersByCategory: ORGANIZATION_CATEGORIES.map((category) => ({ category, count: memberCounts.get(category) ?? 0 })).filter((c) => c.count > 0),
    agreementsByType: AGREEMENT_TYPES.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })).filter((t) => t.count > 0),
    agreementsByState: AGREEMENT_STATES.map((state) => ({ state, count: count(agreementFilter(ctx, { states: [state] })) })),
    expiring: agreementRows(ctx, agreementFilter(ctx, { states: ['expiring'] }), [asc(agreements.expiresOn)], 20),
    recentEvents: eventRows(ctx, lt(events.date, today), [desc(events.date)], 5),
    comingEvents: eventRows(ctx, gte(events.date, today), [asc(events.date)], 5),
  };
}
