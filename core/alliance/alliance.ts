// The alliance profile (one per database file) and the overview that drives the app's first screen.
import { newRecordId } from '../records/ids.js';
import { eq, sql } from 'drizzle-orm';
import { allianceProfile, organizations } from '../../db/schema.js';
import { recordChange } from '../history/changelog.js';
import { nowIso, type ServiceContext } from '../contract/context.js';
import type { FolderInfo } from '../contract/services.js';
import type { AllianceUpdateInput, AppOverview } from './contract.js';
import { allianceModel } from './alliance-model.js';
import type { AllianceProfile } from './fields.js';

export function getProfile(ctx: ServiceContext): AllianceProfile | null {
  const row = ctx.db.select().from(allianceProfile).get();
  return row ? allianceModel.toRecord(row) : null;
}

export function saveProfile(ctx: ServiceContext, input: AllianceUpdateInput, options: { isSample?: boolean } = {}): AllianceProfile {
  return ctx.sqlite.transaction(() => {
    const before = getProfile(ctx);
    const values = { ...input, updatedAt: nowIso(ctx) };
    if (before) {
      const sample = options.isSample === undefined ? {} : { isSample: options.isSample };
      ctx.db.update(allianceProfile).set({ ...values, ...sample }).where(eq(allianceProfile.id, before.id)).run();
    } else {
      ctx.db.insert(allianceProfile).values({ id: newRecordId(), ...values, isSample: options.isSample ?? false }).run();
    }
    const after = getProfile(ctx)!;
    recordChange(ctx, 'alliance', after.id, before ? 'update' : 'create', before, after);
    return after;
  })();
}

export function overview(ctx: ServiceContext, folder: FolderInfo): AppOverview {
  const counts = ctx.db
    .select({ all: sql<number>`count(*)`, sample: sql<number>`coalesce(sum(${organizations.isSample}), 0)` })
    .from(organizations)
    .get()!;
  return { profile: getProfile(ctx), memberCount: counts.all, sampleMemberCount: counts.sample, ...folder };
}

/** What the first screen shows when the data file is damaged: where it is and why, nothing else. */
export function recoveryOverview(folder: FolderInfo): AppOverview {
  return { profile: null, memberCount: 0, sampleMemberCount: 0, ...folder };
}
