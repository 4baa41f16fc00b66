// A data folder: its database, backups and attachments, held by one process at a time. It is the
// host of a dispatcher (the CLI's, and through the workspace the shells'): it says whether the file
// is being checked, is damaged or cannot be written, so a restore can swap the database underneath,
// a damaged file opens in recovery mode instead of having an empty database built over it, and a
// read-only file or folder can still be read.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { max } from 'drizzle-orm';
import { runCheck } from '../../db/integrity.js';
import { loadMigrations } from '../../db/migrate.js';
import { defaultMigrationsFolder, openDatabase } from '../../db/open.js';
import { changeLog } from '../../db/schema.js';
import type { ServiceContext } from '../contract/context.js';
import { createDispatcher, type Dispatcher } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import { toAppError } from '../contract/error-mapping.js';
import type { Job } from '../contract/method.js';
import type { FolderInfo, FolderServices, Host, Services } from '../contract/services.js';
import { appHandlers } from '../host/handlers.js';
import { startBackgroundCheck, type BackgroundCheck } from './background-check.js';
import { backupFileName, type BackupReason } from './backup-retention.js';
import type { BackupInfo, BackupNow, CheckReport, DatabaseHealth } from './contract.js';
import { damageOf, inspectDataFile, type Damage } from './damage.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { backupToPath, listBackups, singleFileName, storeScans, takeBackup, type BackupPlaces } from './folder-backups.js';
import { checkFolder } from './folder-check.js';
import { removeLeftovers } from './leftovers.js';
import { cleanPendingWrites } from './pending-writes.js';
import { asideName, stageRestore, swapRestored } from './restore.js';
import type { DataFolderOptions, OpenCore } from './folder-options.js';
import { fillStrokeKeys } from '../members/stroke-backfill.js';
import { readOnlyPath, snapshotForReading } from './writable.js';

export const DATABASE_FILE_NAME = 'alliance.sqlite';

export type { DataFolderOptions, OpenCore };

function unavailable(message: string): AppError {
  return new AppError('UNAVAILABLE', message, { key: 'errors.unavailable' });
}

export class DataFolder implements FolderServices {
  readonly file: string;
  readonly backupsDir: string;
  readonly attachmentsDir: string;
  private core: OpenCore | null = null;
  private damage: Damage | null = null;
  /** The file or folder that cannot be written, when one cannot: reading works, changes are refused. */
  private readOnly: string | null = null;
  private backupFailure: NonNullable<Extract<DatabaseHealth, { state: 'ok' }>['backupFailure']> | null = null;
  private lastBackedUpChange = -1;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;
  /** Pending while the background check runs; writes wait for it. */
  private checking: Promise<void> | null = null;
  private background: BackgroundCheck | null = null;
  private snapshot: { file: string; drop(): void } | null = null;
  private readonly places: BackupPlaces;

  /** What handlers reach through this folder: its database (or why there is none), itself, its owner. */
  readonly host: Host;
  /** The dispatcher of this folder on its own (the CLI, tests); the shells use the workspace's. */
  readonly dispatcher: Dispatcher;

  private constructor(
    readonly dir: string,
    private readonly lock: DataDirLock | null,
    private readonly options: DataFolderOptions,
  ) {
    this.file = path.join(dir, DATABASE_FILE_NAME);
    this.backupsDir = path.join(dir, 'backups');
    this.attachmentsDir = path.join(dir, 'attachments');
    this.now = options.now ?? (() => new Date());
    this.places = { dir, backupsDir: this.backupsDir, attachmentsDir: this.attachmentsDir, filesStore: path.join(this.backupsDir, 'files'), nativeBinding: options.nativeBinding, now: this.now };
    // Getters, not values: the database behind `ctx` changes with restores and recovery.
    const services = Object.defineProperties({ folder: this, info: () => this.info() } as Partial<Services>, {
      ctx: { get: () => this.context() },
      workspace: {
        get: () => {
          if (!options.workspace) throw unavailable('Opening another data file needs the app.');
          return options.workspace;
        },
      },
    }) as Services;
    this.host = { services, checking: () => this.checking, damage: () => this.damage?.reason ?? null, readOnly: () => this.readOnly };
    this.dispatcher = createDispatcher(appHandlers, this.host, options.onUnexpected);
  }

  static async open(dir: string, options: DataFolderOptions = {}): Promise<DataFolder> {
    fs.mkdirSync(dir, { recursive: true });
    const readOnly = readOnlyPath(dir, path.join(dir, DATABASE_FILE_NAME));
    // A folder that cannot be written cannot hold a lock either; nothing is written there, so none is needed.
    const lock = readOnly === dir ? null : lockDataDir(dir);
    const folder = new DataFolder(dir, lock, options);
    folder.readOnly = readOnly;
    try {
      if (!readOnly) {
        removeLeftovers(dir, folder.places);
        cleanPendingWrites(dir);
      }
      const unclean = lock?.uncleanShutdown ?? false;
      const background = Boolean(options.backgroundCheck) && !unclean && fs.existsSync(folder.file) && fs.statSync(folder.file).size > 0;
      // After an unclean shutdown the full integrity_check runs first, whatever the options say.
      await folder.load(unclean ? 'full' : background ? 'none' : 'quick');
      const canBackUp = folder.core && readOnly !== dir && options.startupBackup !== false;
      if (background && folder.core) folder.checkInBackground(Boolean(canBackUp));
      else if (canBackUp) await folder.backupReporting('startup');
      const minutes = options.autoBackupMinutes === undefined ? 15 : options.autoBackupMinutes;
      if (minutes && !readOnly) {
        folder.timer = setInterval(() => void folder.backupIfChanged().catch((error) => options.onUnexpected?.(error)), minutes * 60_000);
        folder.timer.unref();
      }
      return folder;
    } catch (error) {
      folder.close();
      throw error;
    }
  }

  /** Resolves when the background check and start-up backup are done; at once without them. */
  get ready(): Promise<void> {
    return this.background?.done ?? Promise.resolve();
  }

  get uncleanShutdown(): boolean {
    return this.lock?.uncleanShutdown ?? false;
  }

  get isDamaged(): boolean {
    return this.damage !== null;
  }

  /** The open database; absent in recovery mode. */
  get appCore(): OpenCore | null {
    return this.core;
  }

  /** The services' context: the open database, or why there is none. */
  private context(): ServiceContext {
    if (this.core) return this.core.ctx;
    if (this.damage !== null) throw this.damagedError();
    throw new AppError('DB_BUSY', 'The data file is being switched; try again in a moment.', { key: 'errors.dbBusy' });
  }

  private checkInBackground(startupBackup: boolean): void {
    const marker = this.changeMarker();
    fs.mkdirSync(this.backupsDir, { recursive: true });
    this.background = startBackgroundCheck({
      file: this.file,
      backupTarget: startupBackup ? path.join(this.backupsDir, backupFileName(this.now(), 'startup')) : null,
      nativeBinding: this.options.nativeBinding,
      workerFile: this.options.checkWorkerFile,
      onVerdict: (ok, reason, locked) => {
        if (!ok) this.enterRecovery({ kind: locked ? 'locked' : 'corrupt', reason: reason ?? 'quick_check failed' });
      },
      onBackup: () => {
        this.lastBackedUpChange = marker;
        this.afterBackup();
      },
      checkHere: () => this.checkHere(startupBackup),
      onUnexpected: this.options.onUnexpected,
    });
    const checking = this.background.checked.then(() => {
      if (this.checking === checking) this.checking = null;
    });
    this.checking = checking;
  }

  /** A damaged file: close it (writing nothing), remember why, and answer only what recovery needs. */
  private enterRecovery(damage: Damage): void {
    this.core?.database.close();
    this.core = null;
    this.damage = damage;
  }

  /** The same check and backup on this thread, when no worker can run. */
  private async checkHere(startupBackup: boolean): Promise<void> {
    if (!this.core) return;
    let verdict;
    try {
      verdict = runCheck(this.core.database.sqlite, 'quick_check');
    } catch (error) {
      return this.enterRecovery(damageOf(error) ?? { kind: 'corrupt', reason: (error as Error).message });
    }
    if (!verdict.ok) return this.enterRecovery({ kind: 'corrupt', reason: verdict.reason ?? 'quick_check failed' });
    if (startupBackup) await this.backupReporting('startup');
  }

  private get migrationsFolder(): string {
    return this.options.migrationsFolder ?? defaultMigrationsFolder();
  }

  private async load(check: 'quick' | 'full' | 'none'): Promise<void> {
    const found = inspectDataFile(this.file, { hasBackups: this.listBackups().length > 0, migrations: loadMigrations(this.migrationsFolder), nativeBinding: this.options.nativeBinding });
    if (found) return this.enterRecovery(found);
    if (this.readOnly && !fs.existsSync(this.file)) {
      throw new AppError('FILE_READ_ONLY', `A new data file cannot be made here: ${this.readOnly} is read-only.`, { key: 'errors.fileReadOnly', params: { path: this.readOnly } });
    }
    try {
      const database = await openDatabase(this.readOnly === this.dir ? this.readOnlySnapshot() : this.file, {
        check,
        migrationsFolder: this.options.migrationsFolder,
        nativeBinding: this.options.nativeBinding,
        backupsDir: this.backupsDir,
        backupName: (reason) => backupFileName(this.now(), reason),
        readonly: this.readOnly !== null,
      });
      const ctx: ServiceContext = { db: database.db, sqlite: database.sqlite, now: this.now, attachmentsDir: this.attachmentsDir, backupFilesDir: this.places.filesStore, fontsDir: this.options.fontsDir, importWorker: this.options.importWorker };
      fillStrokeKeys(database.sqlite);
      this.core = { database, ctx };
      this.damage = null;
    } catch (error) {
      // Never build an empty database over a damaged one: keep it, and offer the backups.
      const damage = damageOf(error);
      if (!damage) throw error;
      this.enterRecovery(damage);
    }
  }

  /** A read-only folder's file is read from a private copy (see writable.ts). */
  private readOnlySnapshot(): string {
    this.snapshot?.drop();
    this.snapshot = snapshotForReading(this.file);
    return this.snapshot.file;
  }

  private changeMarker(): number {
    if (!this.core) return -1;
    return this.core.ctx.db.select({ id: max(changeLog.id) }).from(changeLog).get()?.id ?? 0;
  }

  /** A consistent copy through SQLite's online backup API, with its scans in the store, kept by the retention rule. */
  async backup(reason: BackupReason): Promise<BackupInfo> {
    if (!this.core) throw this.damagedError();
    const marker = this.changeMarker();
    const { missingFiles: _missing, ...made } = await takeBackup(this.core.database.sqlite, this.places, reason);
    this.lastBackedUpChange = marker;
    this.backupFailure = null;
    return made;
  }

  /** An automatic backup: a failure (after its retries) is remembered for the first screen, not thrown. */
  private async backupReporting(reason: BackupReason): Promise<void> {
    try {
      await this.backup(reason);
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      const shape = known.toShape();
      this.backupFailure = { code: shape.code, message: shape.message, key: shape.details?.key ?? 'errors.internal', params: shape.details?.params ?? {}, at: this.now().toISOString() };
      this.options.onUnexpected?.(error);
    }
  }

  /** After the worker's start-up backup: its scans into the store, then the retention rule. */
  private afterBackup(): void {
    try {
      const newest = this.listBackups()[0];
      if (newest) storeScans(this.places, path.join(this.backupsDir, newest.name));
    } catch (error) {
      this.options.onUnexpected?.(error);
    }
  }

  /** The timer's job: a backup only when something changed since the last one. */
  async backupIfChanged(): Promise<BackupInfo | null> {
    // Not while an import holds its transaction open: the copy would show half of it. The next tick takes it.
    if (this.core?.database.sqlite.inTransaction) return null;
    if (!this.core || this.readOnly || this.changeMarker() === this.lastBackedUpChange) return null;
    await this.backupReporting('auto');
    return this.backupFailure ? null : this.listBackups()[0] ?? null;
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.backupsDir);
  }

  /** "Back up now": one file with the scans inside, as bytes for the shell to save where the clerk chooses. */
  async backupToFile(job?: Job): Promise<BackupNow> {
    if (!this.core) throw this.damagedError();
    // The clerk sees the copy she asked for in the list too; a read-only folder keeps no backups.
    const kept = this.readOnly ? null : await this.backup('manual');
    const temporary = path.join(this.dir, `.export-${process.pid}-${randomUUID()}.sqlite`);
    try {
      job?.progress(0, 2);
      await backupToPath(this.core.database.sqlite, this.places, temporary);
      job?.progress(1, 2);
      job?.checkpoint();
      const file = { fileName: singleFileName(this.now()), mimeType: 'application/vnd.sqlite3', bytes: fs.readFileSync(temporary).toString('base64'), kept };
      job?.progress(2, 2);
      return file;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** `backup --out FILE`: the same single file, written beside the target, flushed and renamed. */
  async backupTo(target: string): Promise<{ size: number; missingFiles: string[] }> {
    if (!this.core) throw this.damagedError();
    return backupToPath(this.core.database.sqlite, this.places, target);
  }

  check(): CheckReport {
    if (!this.core) return { ok: false, reason: this.damage?.reason ?? null, milliseconds: 0, damage: this.damage ?? undefined, attachmentsChecked: 0, missingFiles: [] };
    return checkFolder(this.core.database.sqlite, this.attachmentsDir);
  }

  /** Opens the file again: after another program let go of it, or the clerk fixed a disk. */
  async reopen(): Promise<DatabaseHealth> {
    this.core?.database.close();
    this.core = null;
    this.readOnly = readOnlyPath(this.dir, this.file);
    await this.load('quick');
    return this.info().health;
  }

  /**
   * Restores a database file. It must prove itself this app's before anything changes; then the
   * current data is backed up (or, if damaged, moved aside and kept), the file swapped atomically,
   * and if the restored file does not open, the old one put back.
   */
  async restoreFrom(source: string, job?: Job): Promise<void> {
    if (this.readOnly) throw new AppError('FILE_READ_ONLY', `Cannot restore into a read-only folder: ${this.readOnly}`, { key: 'errors.fileReadOnly', params: { path: this.readOnly } });
    job?.progress(0, 3);
    const migrations = loadMigrations(this.migrationsFolder);
    const staged = await stageRestore(source, { ...this.places, file: this.file, migrationsFolder: this.migrationsFolder, migrations });
    try {
      job?.progress(1, 3);
      job?.checkpoint();
      if (this.core) await this.backup('before-restore');
    } catch (error) {
      fs.rmSync(staged, { force: true });
      throw error;
    }
    // From here on the swap runs to its end: cancelling would leave no database open.
    job?.progress(2, 3);
    await this.swap(staged);
    job?.progress(3, 3);
  }

  private async swap(staged: string): Promise<void> {
    const wasDamaged = this.damage !== null;
    this.core?.database.close();
    this.core = null;
    await swapRestored({
      file: this.file,
      staged,
      aside: path.join(this.dir, asideName(wasDamaged ? 'damaged' : 'replaced', this.now())),
      keepAside: wasDamaged,
      reload: async () => {
        await this.load('quick');
        return this.damage?.reason ?? null;
      },
    });
    this.lastBackedUpChange = -1;
  }

  async restoreBackup(name: string, job?: Job): Promise<void> {
    // Only a name from the list: never a path from the caller.
    const backup = this.listBackups().find((b) => b.name === name);
    if (!backup) throw new AppError('NOT_FOUND', 'No such backup.', { key: 'errors.backupNotFound' });
    await this.restoreFrom(path.join(this.backupsDir, backup.name), job);
  }

  async restoreUploaded(upload: { fileName: string; contentBase64: string }, job?: Job): Promise<void> {
    const temporary = path.join(this.dir, `.upload-${process.pid}-${randomUUID()}.sqlite`);
    try {
      fs.writeFileSync(temporary, Buffer.from(upload.contentBase64, 'base64'));
      await this.restoreFrom(temporary, job);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** What the first screen shows about the file: where it is, and whether it is healthy. */
  info(): FolderInfo {
    if (this.damage) return { dataFile: this.file, health: { state: 'damaged', kind: this.damage.kind, reason: this.damage.reason, newestBackup: this.listBackups()[0]?.name ?? null } };
    const health: DatabaseHealth = { state: 'ok', uncleanShutdown: this.uncleanShutdown };
    if (this.readOnly) health.readOnly = { path: this.readOnly };
    if (this.backupFailure) health.backupFailure = this.backupFailure;
    return { dataFile: this.file, health };
  }

  private damagedError(): AppError {
    const reason = this.damage?.reason ?? '';
    return new AppError('DB_DAMAGED', `The data file is damaged: ${reason}`, { key: 'errors.dbDamaged', params: { reason, kind: this.damage?.kind ?? 'corrupt' } });
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A start-up backup cut short leaves only its .part file, which the next open removes.
    this.background?.terminate();
    this.core?.database.close();
    this.core = null;
    this.snapshot?.drop();
    this.lock?.release();
  }
}
