// The alliance profile (one per database file) and the overview that drives the app's first screen.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { allianceProfile, organizations } from '../../db/schema.js';
import type { ApiParsed } from '../contract/registry.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import type { HandlerMap } from '../contract/dispatcher.js';
import type { AllianceProfile, AppOverview } from '../contract/types.js';

export function getProfile(ctx: ServiceContext): AllianceProfile | null {
  const row = ctx.db.select().from(allianceProfile).get();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    level: row.level as AllianceProfile['level'],
    foundingDate: row.foundingDate,
    leadUnits: row.leadUnits,
    secretariatHost: row.secretariatHost,
    councilTerm: row.councilTerm,
    isSample: row.isSample,
  };
}

export function saveProfile(ctx: ServiceContext, input: ApiParsed<'alliance.update'>, options: { isSample?: boolean } = {}): AllianceProfile {
  return ctx.sqlite.transaction(() => {
    const before = getProfile(ctx);
    const values = { ...input, updatedAt: nowIso(ctx) };
    if (before) {
      const sample = options.isSample === undefined ? {} : { isSample: options.isSample };
      ctx.db.update(allianceProfile).set({ ...values, ...sample }).where(eq(allianceProfile.id, before.id)).run();
    } else {
      ctx.db.insert(allianceProfile).values({ id: randomUUID(), ...values, isSample: options.isSample ?? false }).run();
    }
    const after = getProfile(ctx)!;
    recordChange(ctx, 'alliance', after.id, before ? 'update' : 'create', before, after);
    return after;
  })();
}

export function overview(ctx: ServiceContext): AppOverview {
  const counts = ctx.db
    .select({ all: sql<number>`count(*)`, sample: sql<number>`coalesce(sum(${organizations.isSample}), 0)` })
    .from(organizations)
    .get()!;
  const folder = ctx.folderInfo?.() ?? { health: { state: 'ok' as const, uncleanShutdown: false }, dataFile: null };
  return { profile: getProfile(ctx), memberCount: counts.all, sampleMemberCount: counts.sample, ...folder };
}

export const allianceHandlers: HandlerMap = {
  'app.overview': (_input, ctx) => overview(ctx),
  'alliance.get': (_input, ctx) => getProfile(ctx),
  'alliance.update': (input, ctx) => saveProfile(ctx, input),
};
