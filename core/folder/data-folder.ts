// A data folder: its database, backups and attachments, held by one process at a time. It is the
// host of a dispatcher (the CLI's, and through the workspace the shells'): it says whether the file
// is being checked or is damaged, so a restore can swap the database underneath and a damaged file
// opens in recovery mode instead of having an empty database built over it.
import fs from 'node:fs';
import path from 'node:path';
import { max } from 'drizzle-orm';
import { backupDatabase } from '../../db/backup.js';
import { DatabaseError } from '../../db/errors.js';
import { checkFile, runCheck, type CheckResult } from '../../db/integrity.js';
import { loadMigrations } from '../../db/migrate.js';
import { defaultMigrationsFolder, openDatabase, type OpenedDatabase } from '../../db/open.js';
import { changeLog } from '../../db/schema.js';
import type { ServiceContext } from '../contract/context.js';
import { createDispatcher, type Dispatcher } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import type { Job } from '../contract/method.js';
import type { FolderInfo, FolderServices, Host, Services, WorkspaceServices } from '../contract/services.js';
import { appHandlers } from '../host/handlers.js';
import type { FileContent } from '../io/exports/contract.js';
import { startBackgroundCheck, type BackgroundCheck } from './background-check.js';
import { backupFileName, backupsToDelete, parseBackupName, type BackupFile, type BackupReason } from './backup-retention.js';
import type { BackupInfo } from './contract.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';

export const DATABASE_FILE_NAME = 'alliance.sqlite';

export interface DataFolderOptions {
  now?: () => Date;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** Minutes between automatic backups while data changes; null turns the timer off (CLI, tests). */
  autoBackupMinutes?: number | null;
  /** The app backs up at start-up; one-shot commands (the CLI) need not. */
  startupBackup?: boolean;
  /** Whoever holds this folder and can switch to another (the shells' workspace). */
  workspace?: WorkspaceServices;
  onUnexpected?: (error: unknown) => void;
  /** The pdf font folder (the desktop app's lies inside its archive). */
  fontsDir?: string;
  /**
   * Check the file (quick_check, foreign_key_check) and take the start-up backup on a worker thread,
   * so the first page does not wait for them (seconds on a large file). Reads are answered at once;
   * anything else waits for the verdict, and a failed check switches to recovery mode. The shells
   * use this; without it open() waits for both, as tools and tests expect.
   */
  backgroundCheck?: boolean;
  /** Where db/check-worker.cjs is (the desktop app passes its own path). */
  checkWorkerFile?: string;
}

/** The open database and what the services use of it. */
export interface OpenCore {
  database: OpenedDatabase;
  ctx: ServiceContext;
}

function unavailable(message: string): AppError {
  return new AppError('UNAVAILABLE', message, { key: 'errors.unavailable' });
}

export class DataFolder implements FolderServices {
  readonly file: string;
  readonly backupsDir: string;
  readonly attachmentsDir: string;
  private core: OpenCore | null = null;
  private damage: string | null = null;
  private lastBackedUpChange = -1;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;
  /** Pending while the background check runs; writes wait for it. */
  private checking: Promise<void> | null = null;
  private background: BackgroundCheck | null = null;

  /** What handlers reach through this folder: its database (or why there is none), itself, its owner. */
  readonly host: Host;
  /** The dispatcher of this folder on its own (the CLI, tests); the shells use the workspace's. */
  readonly dispatcher: Dispatcher;

  private constructor(
    readonly dir: string,
    private readonly lock: DataDirLock,
    private readonly options: DataFolderOptions,
  ) {
    this.file = path.join(dir, DATABASE_FILE_NAME);
    this.backupsDir = path.join(dir, 'backups');
    this.attachmentsDir = path.join(dir, 'attachments');
    this.now = options.now ?? (() => new Date());
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
    this.host = { services, checking: () => this.checking, damage: () => this.damage };
    this.dispatcher = createDispatcher(appHandlers, this.host, options.onUnexpected);
  }

  static async open(dir: string, options: DataFolderOptions = {}): Promise<DataFolder> {
    const lock = lockDataDir(dir);
    const folder = new DataFolder(dir, lock, options);
    try {
      // A start-up backup cut short by a crash or close leaves a .part file behind.
      if (fs.existsSync(folder.backupsDir)) for (const name of fs.readdirSync(folder.backupsDir)) if (name.endsWith('.part')) fs.rmSync(path.join(folder.backupsDir, name), { force: true });
      const background = Boolean(options.backgroundCheck) && !lock.uncleanShutdown && fs.existsSync(folder.file) && fs.statSync(folder.file).size > 0;
      // After an unclean shutdown the full integrity_check runs first, whatever the options say.
      await folder.load(lock.uncleanShutdown ? 'full' : background ? 'none' : 'quick');
      if (background && folder.core) folder.checkInBackground(options.startupBackup !== false);
      else if (folder.core && options.startupBackup !== false) await folder.backup('startup');
      const minutes = options.autoBackupMinutes === undefined ? 15 : options.autoBackupMinutes;
      if (minutes) {
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
    return this.lock.uncleanShutdown;
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
      onVerdict: (ok, reason) => {
        if (!ok) this.enterRecovery(reason ?? 'quick_check failed');
      },
      onBackup: () => {
        this.lastBackedUpChange = marker;
        this.prune();
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
  private enterRecovery(reason: string): void {
    this.core?.database.close();
    this.core = null;
    this.damage = reason;
  }

  /** The same check and backup on this thread, when no worker can run. */
  private async checkHere(startupBackup: boolean): Promise<void> {
    if (!this.core) return;
    const verdict = runCheck(this.core.database.sqlite, 'quick_check');
    if (!verdict.ok) return this.enterRecovery(verdict.reason ?? 'quick_check failed');
    if (startupBackup) await this.backup('startup');
  }

  private async load(check: 'quick' | 'full' | 'none'): Promise<void> {
    try {
      const database = await openDatabase(this.file, {
        check,
        migrationsFolder: this.options.migrationsFolder,
        nativeBinding: this.options.nativeBinding,
        backupsDir: this.backupsDir,
        backupName: (reason) => backupFileName(this.now(), reason),
      });
      const ctx: ServiceContext = { db: database.db, sqlite: database.sqlite, now: this.now, attachmentsDir: this.attachmentsDir, fontsDir: this.options.fontsDir };
      this.core = { database, ctx };
      this.damage = null;
    } catch (error) {
      if (!(error instanceof DatabaseError) || error.code !== 'DB_DAMAGED') throw error;
      // Never build an empty database over a damaged one: keep it, and offer the backups.
      this.enterRecovery(String(error.params.reason ?? error.message));
    }
  }

  private changeMarker(): number {
    if (!this.core) return -1;
    return this.core.ctx.db.select({ id: max(changeLog.id) }).from(changeLog).get()?.id ?? 0;
  }

  /** A consistent copy through SQLite's online backup API, kept in backups/ by the retention rule. */
  async backup(reason: BackupReason): Promise<BackupInfo> {
    if (!this.core) throw this.damagedError();
    const marker = this.changeMarker();
    const name = backupFileName(this.now(), reason);
    const size = await backupDatabase(this.core.database.sqlite, path.join(this.backupsDir, name), { nativeBinding: this.options.nativeBinding });
    this.lastBackedUpChange = marker;
    this.prune();
    return { ...parseBackupName(name)!, size };
  }

  /** The timer's job: a backup only when something changed since the last one. */
  async backupIfChanged(): Promise<BackupInfo | null> {
    // Not while an import holds its transaction open: the copy would show half of it. The next tick takes it.
    if (this.core?.database.sqlite.inTransaction) return null;
    if (!this.core || this.changeMarker() === this.lastBackedUpChange) return null;
    return this.backup('auto');
  }

  listBackups(): BackupInfo[] {
    if (!fs.existsSync(this.backupsDir)) return [];
    return fs
      .readdirSync(this.backupsDir)
      .map(parseBackupName)
      .filter((b): b is BackupFile => b !== null)
      .map((b) => ({ ...b, size: fs.statSync(path.join(this.backupsDir, b.name)).size }))
      .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  }

  private prune(): void {
    for (const name of backupsToDelete(this.listBackups(), this.now())) fs.rmSync(path.join(this.backupsDir, name), { force: true });
  }

  /** A backup's bytes for the shell to save where the clerk chooses ("Back up now"). */
  async backupToFile(job?: Job): Promise<FileContent> {
    if (!this.core) throw this.damagedError();
    const temporary = path.join(this.dir, `.export-${process.pid}-${Date.now()}.sqlite`);
    try {
      job?.progress(0, 2);
      await backupDatabase(this.core.database.sqlite, temporary, { nativeBinding: this.options.nativeBinding });
      job?.progress(1, 2);
      job?.checkpoint();
      const stamp = backupFileName(this.now(), 'manual').replace(/^alliance-/, '').replace(/-\d{3}-manual\.sqlite$/, '');
      const file = { fileName: `联合体数据备份-${stamp}.sqlite`, mimeType: 'application/vnd.sqlite3', bytes: fs.readFileSync(temporary).toString('base64') };
      job?.progress(2, 2);
      return file;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  check(): CheckResult {
    if (!this.core) return { ok: false, reason: this.damage, milliseconds: 0 };
    return runCheck(this.core.database.sqlite, 'integrity_check');
  }

  /**
   * Restores a database file: checked first, then the current database is itself backed up (or, if
   * damaged, moved aside under a new name), so the restore can be undone; an older backup is migrated.
   */
  async restoreFrom(source: string, job?: Job): Promise<void> {
    job?.progress(0, 3);
    const verdict = checkFile(source, { nativeBinding: this.options.nativeBinding });
    if (!verdict.ok) {
      throw new AppError('BACKUP_DAMAGED', `This backup failed its integrity check: ${verdict.reason}`, { key: 'errors.backupDamaged', params: { reason: verdict.reason ?? '' } });
    }
    if (!verdict.hasMembers) throw new AppError('NOT_A_BACKUP', 'This file is not a backup of this app.', { key: 'errors.notABackup' });
    const known = loadMigrations(this.options.migrationsFolder ?? defaultMigrationsFolder()).length;
    if ((verdict.schemaVersion ?? 0) > known) {
      throw new AppError('DB_NEWER_THAN_APP', 'This backup was written by a newer version of the app.', { key: 'errors.dbNewerThanApp' });
    }
    job?.progress(1, 3);
    job?.checkpoint();
    if (this.core) {
      await this.backup('before-restore');
      this.core.database.close();
      this.core = null;
    } else {
      const aside = path.join(this.dir, `alliance.damaged-${backupFileName(this.now(), 'manual').slice(9, 28)}.sqlite`);
      fs.renameSync(this.file, aside);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(this.file + suffix)) fs.renameSync(this.file + suffix, aside + suffix);
    }
    // From here on the swap is finished whatever happens: cancelling would leave no database open.
    job?.progress(2, 3);
    const staging = `${this.file}.restoring`;
    fs.copyFileSync(source, staging);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    fs.renameSync(staging, this.file);
    await this.load('quick');
    this.lastBackedUpChange = -1;
    job?.progress(3, 3);
  }

  async restoreBackup(name: string, job?: Job): Promise<void> {
    // Only a name from the list: never a path from the caller.
    const backup = this.listBackups().find((b) => b.name === name);
    if (!backup) throw new AppError('NOT_FOUND', 'No such backup.', { key: 'errors.backupNotFound' });
    await this.restoreFrom(path.join(this.backupsDir, backup.name), job);
  }

  async restoreUploaded(upload: { fileName: string; contentBase64: string }, job?: Job): Promise<void> {
    const temporary = path.join(this.dir, `.upload-${process.pid}-${Date.now()}.sqlite`);
    try {
      fs.writeFileSync(temporary, Buffer.from(upload.contentBase64, 'base64'));
      await this.restoreFrom(temporary, job);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** What the first screen shows about the file: where it is, and whether it is healthy. */
  info(): FolderInfo {
    return {
      dataFile: this.file,
      health: this.damage === null ? { state: 'ok', uncleanShutdown: this.uncleanShutdown } : { state: 'damaged', reason: this.damage, newestBackup: this.listBackups()[0]?.name ?? null },
    };
  }

  private damagedError(): AppError {
    return new AppError('DB_DAMAGED', `The data file is damaged: ${this.damage}`, { key: 'errors.dbDamaged', params: { reason: this.damage ?? '' } });
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A start-up backup cut short leaves only its .part file, which the next open removes.
    this.background?.terminate();
    this.core?.database.close();
    this.core = null;
    this.lock.release();
  }
}
