import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../db/errors.js';
import { applyMigrations, loadMigrations } from '../../db/migrate.js';
import { defaultMigrationsFolder, openDatabase } from '../../db/open.js';
import { migrationsWith, tempDir } from '../support/migrations.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function seedOrganizationWithContacts(sqlite: Database.Database, contacts: number): void {
  const at = '2026-11-27T00:00:00.000Z';
  sqlite
    .prepare(
      `INSERT INTO organizations (id, name, category, role, role_rank, status, pinyin_key, search_text, created_at, updated_at)
       VALUES ('org-1', '长春市教育局', 'government', 'lead', 0, 'active', 'chang chun', '', ?, ?)`,
    )
    .run(at, at);
  const insert = sqlite.prepare(`INSERT INTO contacts (id, organization_id, name, created_at, updated_at) VALUES (?, 'org-1', ?, ?, ?)`);
  for (let i = 0; i < contacts; i++) insert.run(`c-${i}`, `联系人${i}`, at, at);
}

/** drizzle-kit's way of changing a table: build a new one, copy, drop the old, rename. */
function rebuildOrganizationsStatements(sqlite: Database.Database): string[] {
  const { sql } = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'organizations'`).get() as { sql: string };
  const created = sql.replace('CREATE TABLE `organizations`', 'CREATE TABLE `__new_organizations`').replace(/\)\s*$/, ',\n\t`extra` text\n)');
  return [created, 'INSERT INTO `__new_organizations` SELECT *, NULL FROM `organizations`', 'DROP TABLE `organizations`', 'ALTER TABLE `__new_organizations` RENAME TO `organizations`'];
}

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout, and migrates a new file', async () => {
    const file = path.join(tempDir(), 'alliance.sqlite');
    const db = await openDatabase(file);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.preMigrationBackup).toBeNull();
    const tables = db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['alliance_profile', 'organizations', 'contacts', 'change_log']));
    db.close();
  });

  it('refuses a database written by a newer app version and leaves its bytes unchanged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alliance.sqlite');
    const db = await openDatabase(file);
    // What a newer app leaves behind: one more migration applied than this app knows of.
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', Date.now() + 365 * 86_400_000);
    db.sqlite.pragma(`user_version = ${loadMigrations(defaultMigrationsFolder()).length + 1}`);
    db.close();
    const before = sha(file);
    const filesBefore = fs.readdirSync(dir).sort();

    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseError);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_NEWER_THAN_APP' });
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('reads the version from an unclean shutdown’s WAL, still without touching the files', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alliance.sqlite');
    const writer = await openDatabase(file);
    writer.sqlite.pragma('wal_autocheckpoint = 0'); // keep the change in the WAL, as a crash would
    writer.sqlite.pragma(`user_version = 99`);
    // Copy the files while the writer still holds them: that is what a crash leaves on disk.
    const crashed = tempDir();
    for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(crashed, name));
    writer.close();
    const crashedFile = path.join(crashed, 'alliance.sqlite');
    expect(fs.statSync(`${crashedFile}-wal`).size).toBeGreaterThan(0);
    const before = fs.readdirSync(crashed).map((name) => [name, sha(path.join(crashed, name))]);
    await expect(openDatabase(crashedFile)).rejects.toMatchObject({ code: 'DB_NEWER_THAN_APP' });
    expect(fs.readdirSync(crashed).map((name) => [name, sha(path.join(crashed, name))])).toEqual(before);
  });

  it('refuses a file that is not a database without changing it', async () => {
    const file = path.join(tempDir(), 'alliance.sqlite');
    fs.writeFileSync(file, '单位名称,类别\n长春市教育局,政府机构\n');
    const before = sha(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_UNREADABLE' });
    expect(sha(file)).toBe(before);
  });

  it('backs up an existing database before migrating it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'alliance.sqlite');
    const old = await openDatabase(file);
    seedOrganizationWithContacts(old.sqlite, 2);
    old.close();

    const folder = migrationsWith([{ tag: '0001_add_table', statements: ['CREATE TABLE `later_table` (`id` text PRIMARY KEY NOT NULL)'] }]);
    const db = await openDatabase(file, { migrationsFolder: folder });
    expect(db.preMigrationBackup).not.toBeNull();
    const backup = new Database(db.preMigrationBackup!, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 2 });
    expect(backup.prepare(`SELECT name FROM sqlite_master WHERE name = 'later_table'`).get()).toBeUndefined();
    backup.close();
    expect(db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'later_table'`).get()).toEqual({ name: 'later_table' });
    db.close();
  });

  it('keeps child rows when a migration rebuilds their parent table', async () => {
    const file = path.join(tempDir(), 'alliance.sqlite');
    const old = await openDatabase(file);
    seedOrganizationWithContacts(old.sqlite, 3);
    const statements = rebuildOrganizationsStatements(old.sqlite);
    old.close();

    const db = await openDatabase(file, { migrationsFolder: migrationsWith([{ tag: '0001_rebuild_organizations', statements }]) });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 3 });
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('would lose those child rows without the wrapper (the trap it guards against)', async () => {
    const db = await openDatabase(':memory:');
    seedOrganizationWithContacts(db.sqlite, 3);
    for (const statement of rebuildOrganizationsStatements(db.sqlite)) db.sqlite.exec(statement); // foreign keys on
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    db.close();
  });

  it('rolls back a migration that leaves broken references', async () => {
    const db = await openDatabase(':memory:');
    seedOrganizationWithContacts(db.sqlite, 1);
    const [bad] = loadMigrations(migrationsWith([{ tag: '0001_orphan', statements: ["DELETE FROM organizations WHERE id = 'org-1'"] }])).slice(-1);
    expect(() => applyMigrations(db.sqlite, [bad!])).toThrow(expect.objectContaining({ code: 'MIGRATION_FAILED' }));
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: 1 });
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('ships its migrations in the folder the app reads', () => {
    expect(loadMigrations(defaultMigrationsFolder()).length).toBeGreaterThan(0);
  });
});
