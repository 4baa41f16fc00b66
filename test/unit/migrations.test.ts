// Each migration is tried on a database made by the schema before it, full of data: every row survives.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberCreateInput } from '../../core/members/contract.js';
import { saveProfile } from '../../core/alliance/alliance.js';
import { createCore } from '../../core/host/core.js';
import { createMember } from '../../core/members/members.js';
import { createEvent } from '../../core/events/events.js';
import { eventCreateInput } from '../../core/events/contract.js';
import { sampleMembers } from '../../core/sample/sample-alliance.js';
import { defaultMigrationsFolder, openDatabase } from '../../db/open.js';
import { tempDir } from '../support/migrations.js';

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = tempDir('alliance-migrations-');
  fs.cpSync(defaultMigrationsFolder(), folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** Every row of the tables; with `like`, only the columns those tables had then (later migrations may add some). */
function tableDump(file: string, tables: string[], like?: Record<string, unknown[]>): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const columns = (t: string) => (like?.[t]?.[0] ? Object.keys(like[t]![0] as object).join(', ') : '*');
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT ${columns(t)} FROM ${t} ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

describe('migration 0001 (agreements, events, talent) from the member-register schema', () => {
  it('keeps every row of a database full of the sample members', async () => {
    // The rows are written by today's code into today's schema, then copied into the old schema's
    // columns: the data an old version of the app would have kept there.
    const current = await openDatabase(path.join(tempDir(), 'current.sqlite'));
    const ctx = { db: current.db, sqlite: current.sqlite, now: () => new Date('2025-01-01T00:00:00Z'), attachmentsDir: tempDir() };
    saveProfile(ctx, { name: '长春市汽车产业集群产教联合体', shortName: null, level: 'municipal', foundingDate: '2023-08-19', leadUnits: ['长春市教育局'], secretariatHost: null, councilTerm: '第一届' });
    for (const member of sampleMembers()) createMember(ctx, memberCreateInput.parse(member), { isSample: true });
    const file = path.join(tempDir(), 'alliance.sqlite');
    const old = await openDatabase(file, { migrationsFolder: firstMigrations(1) });
    old.sqlite.prepare('ATTACH DATABASE ? AS current').run(current.file);
    for (const table of ['alliance_profile', 'organizations', 'contacts', 'change_log']) {
      const columns = (old.sqlite.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
      old.sqlite.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM current.${table}`);
    }
    old.sqlite.exec('DETACH DATABASE current');
    current.close();
    expect(old.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'agreements'`).get()).toBeUndefined();
    old.close();

    const tables = ['alliance_profile', 'organizations', 'contacts', 'change_log'];
    const before = tableDump(file, tables);
    expect((before.organizations as unknown[]).length).toBe(190);
    expect((before.contacts as unknown[]).length).toBe(190);

    const migrated = await openDatabase(file);
    expect(migrated.preMigrationBackup).not.toBeNull();
    // Through 0001 and every later migration (0002 adds the import batches).
    const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(migrated.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    expect(migrated.sqlite.pragma('foreign_key_check')).toEqual([]);
    migrated.close();
    expect(tableDump(file, tables, before)).toEqual(before);

    // And the new tables work on the old data.
    const core = createCore(await openDatabase(file), { attachmentsDir: tempDir() });
    const members = core.dispatcher.dispatch('members.list', { categories: ['university', 'enterprise'], limit: 2, sort: 'category' });
    const [a, b] = (members as { result: { rows: { id: string }[] } }).result.rows;
    expect(core.dispatcher.dispatch('agreements.create', { title: '迁移后的第一份协议', parties: [{ organizationId: a!.id }, { organizationId: b!.id }] })).toMatchObject({ ok: true });
    // The stroke order, added later, is filled in for the old rows when the app opens the file.
    expect(core.ctx.sqlite.prepare(`SELECT count(*) FROM organizations WHERE stroke_key = ''`).pluck().get()).toBe(0);
    const byStrokes = core.dispatcher.dispatch('members.list', { sort: 'stroke', limit: 1 }) as { result: { rows: { name: string }[] } };
    expect(byStrokes.result.rows[0]!.name).toBe('一汽模具制造有限公司');
    core.close();
  });
});

describe('migrations 0006–0007 (council terms) from the schema before them', () => {
  /** A folder as the version before council terms kept it: the sample's members, events and profile, one member withdrawn. */
  async function folderBeforeTerms(profile: { foundingDate: string | null; councilTerm: string | null }): Promise<string> {
    const current = await openDatabase(path.join(tempDir(), 'current.sqlite'));
    const ctx = { db: current.db, sqlite: current.sqlite, now: () => new Date('2026-11-29T00:00:00Z'), attachmentsDir: tempDir() };
    saveProfile(ctx, { name: '长春市汽车产业集群产教联合体', shortName: null, level: 'municipal', leadUnits: [], secretariatHost: null, ...profile });
    const ids = sampleMembers().map((m) => createMember(ctx, memberCreateInput.parse(m), { isSample: false }).member.id);
    createEvent(ctx, eventCreateInput.parse({ title: '长春市汽车产业集群产教联合体成立大会', type: 'founding_congress', date: '2023-08-19' }));
    // The old version kept a leaver's role as it was.
    current.sqlite.prepare(`UPDATE organizations SET status = 'withdrawn', exit_date = '2025-06-30', exit_reason = '主动退出' WHERE id = ?`).run(ids[0]);
    const file = path.join(tempDir(), 'alliance.sqlite');
    const old = await openDatabase(file, { migrationsFolder: firstMigrations(6) });
    old.sqlite.prepare('ATTACH DATABASE ? AS current').run(current.file);
    for (const table of ['alliance_profile', 'organizations', 'contacts', 'events', 'change_log']) {
      const columns = (old.sqlite.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
      old.sqlite.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM current.${table}`);
    }
    old.sqlite.exec('DETACH DATABASE current');
    current.close();
    expect(old.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'council_terms'`).get()).toBeUndefined();
    old.close();
    return file;
  }

  it('moves every current role into term 1, elected at the founding congress, with nothing lost', async () => {
    const file = await folderBeforeTerms({ foundingDate: '2023-08-19', councilTerm: '第一届' });
    const before = tableDump(file, ['organizations', 'contacts', 'events', 'alliance_profile']);
    const holders = (before.organizations as { id: string; role: string; status: string; name: string }[]).filter((o) => o.role !== 'member');
    expect(holders.length).toBeGreaterThan(30);
    const leaver = holders.find((o) => o.status === 'withdrawn')!;

    const core = createCore(await openDatabase(file), { attachmentsDir: tempDir(), now: () => new Date('2026-11-29T00:00:00Z') });
    try {
      expect(core.ctx.sqlite.pragma('foreign_key_check')).toEqual([]);
      const terms = (core.dispatcher.dispatch('terms.list', {}) as { result: { name: string; state: string; startDate: string; electedEventTitle: string; seatCount: number }[] }).result;
      expect(terms).toHaveLength(1);
      expect(terms[0]).toMatchObject({ name: '第一届理事会', state: 'current', startDate: '2023-08-19', electedEventTitle: '长春市汽车产业集群产教联合体成立大会', seatCount: holders.length });
      // Each holder keeps its role as a seat; the leaver's seat ended on its exit day, its copy says 成员单位.
      const council = (core.dispatcher.dispatch('terms.council', { date: '2024-01-01' }) as { result: { members: { organizationId: string; role: string }[] } }).result.members;
      expect(new Map(council.map((m) => [m.organizationId, m.role]))).toEqual(new Map(holders.map((h) => [h.id, h.role])));
      const today = (core.dispatcher.dispatch('terms.council', { date: '2026-11-29' }) as { result: { members: { organizationId: string }[] } }).result.members;
      expect(today.map((m) => m.organizationId).sort()).toEqual(holders.filter((h) => h.id !== leaver.id).map((h) => h.id).sort());
      const after = tableDump(file, ['organizations', 'contacts', 'events', 'alliance_profile'], before);
      const expected = (before.organizations as { id: string }[]).map((o) => (o.id === leaver.id ? { ...o, role: 'member', role_rank: 6 } : o));
      expect(after.organizations).toEqual(expected);
      for (const table of ['contacts', 'events', 'alliance_profile']) expect(after[table]).toEqual(before[table]);
    } finally {
      core.close();
    }
  });

  it('puts the roles into a term of unknown number when neither the date nor the term is known', async () => {
    const file = await folderBeforeTerms({ foundingDate: null, councilTerm: null });
    const core = createCore(await openDatabase(file), { attachmentsDir: tempDir() });
    try {
      const terms = (core.dispatcher.dispatch('terms.list', {}) as { result: { ordinal: number | null; startDate: string | null; state: string }[] }).result;
      expect(terms).toEqual([expect.objectContaining({ ordinal: null, startDate: null, state: 'current' })]);
      // The role copy still matches the seats, so the roster reads as before.
      expect(core.ctx.sqlite.prepare(`SELECT count(*) FROM organizations o WHERE o.role <> coalesce((SELECT s.role FROM term_seats s WHERE s.organization_id = o.id AND s.to_date IS NULL), 'member')`).pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });
});
