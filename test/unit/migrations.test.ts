// Each migration is tried on a database made by the schema before it, full of data: every row survives.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberCreateInput } from '../../core/members/contract.js';
import { saveProfile } from '../../core/alliance/alliance.js';
import { createCore } from '../../core/host/core.js';
import { createMember } from '../../core/members/members.js';
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
