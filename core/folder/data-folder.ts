// A data folder: its database, backups and attachments, held by one process at a time. It owns the
// shell-facing dispatcher, so a restore can swap the database underneath without the shell noticing,
// and it opens a damaged database in recovery mode instead of creating an empty one over it.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { max } from 'drizzle-orm';
import { backupDatabase } from '../../db/backup.js';
import { checkFile, runCheck, type CheckResult } from '../../db/integrity.js';
import { loadMigrations } from '../../db/migrate.js';
import { defaultCheckWorker, defaultMigrationsFolder, openDatabase } from '../../db/open.js';
import { changeLog } from '../../db/schema.js';
import { apiMethods, type ApiMethod, type ApiParsed } from '../contract/registry.js';
import { createCore, DATABASE_FILE_NAME, type AppCore } from '../host/core.js';
import { backupFileName, backupsToDelete, parseBackupName, type BackupFile, type BackupReason } from './backup-retention.js';
import type { ServiceContext } from '../contract/context.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { createDispatcher, type Dispatcher, type HandlerMap } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import type { AppOverview, BackupInfo, FileContent } from '../contract/types.js';

export interface DataFolderOptions {
  now?: () => Date;
  migrationsFolder?: string;
  nativeBinding?: string;
  /** Minutes between automatic backups while data changes; null turns the timer off (CLI, tests). */
  autoBackupMinutes?: number | null;
  /** The app backs up at start-up; one-shot commands (the CLI) need not. */
  startupBackup?: boolean;
  /** Methods of whoever holds this folder (the workspace's files.*), served in every mode. */
  ownerHandlers?: HandlerMap;
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

/** Calls that only read: answered while the background check runs (the rest wait for its verdict). */
const READ_METHODS = new Set<string>([
  'app.overview', 'alliance.get', 'members.list', 'members.get', 'members.checkUscc', 'contacts.list', 'reports.roster', 'reports.preview',
  'changes.forRecord', 'changes.recent', 'settings.get', 'agreements.list', 'agreements.get', 'agreements.suggestType', 'attachments.read',
  'events.list', 'events.get', 'ceremony.state', 'talent.list', 'dashboard.summary', 'exports.roster', 'exports.council', 'exports.agreements',
  'exports.meeting', 'imports.batches', 'imports.progress', 'backups.list',
]);

// A folder opened on its own (CLI, tests) cannot switch to another file.
const withoutWorkspace: HandlerMap = Object.fromEntries(
  (['files.open', 'files.create', 'files.saveAs'] as const).map((method) => [
    method,
    () => {
      throw new AppError('UNAVAILABLE', 'Opening another data file needs the app.', { key: 'errors.unavailable' });
    },
  ]),
);

/** Methods that still work when the database is damaged: enough to see why and restore a backup. */
const RECOVERY_METHODS: ApiMethod[] = ['app.overview', 'app.check', 'backups.list', 'backups.restore', 'backups.restoreFile', 'files.open', 'files.create', 'files.saveAs'];

export class DataFolder {
  readonly file: string;
  readonly backupsDir: string;
  readonly attachmentsDir: string;
  private core: AppCore | null = null;
  private damage: string | null = null;
  private active: Dispatcher;
  private lastBackedUpChange = -1;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  /** Pending while the background check runs; writes wait for it. */
  private checking: Promise<void> | null = null;
  private worker: Worker | null = null;

  /** The dispatcher shells talk to; it follows the database through restores. */
  readonly dispatcher: Dispatcher = {
    dispatch: (method, input) =>
      this.checking && !READ_METHODS.has(method) ? this.checking.then(() => this.active.dispatch(method, input)) : this.active.dispatch(method, input),
  };

  private started: Promise<void> | null = null;

  /** Resolves when the background check and start-up backup are done; at once without them. */
  get ready(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  private constructor(
    readonly dir: string,
    private readonly lock: DataDirLock,
    private readonly options: DataFolderOptions,
  ) {
    this.file = path.join(dir, DATABASE_FILE_NAME);
    this.backupsDir = path.join(dir, 'backups');
    this.attachmentsDir = path.join(dir, 'attachments');
    this.now = options.now ?? (() => new Date());
    this.active = this.unavailable('DB_BUSY');
  }

  static async open(dir: string, options: DataFolderOptions = {}): Promise<DataFolder> {
    const lock = lockDataDir(dir);
    const folder = new DataFolder(dir, lock, options);
    try {
      // After an unclean shutdown the full integrity_check runs first, whatever the options say.
      // A start-up backup cut short by a crash or close leaves a .part file behind.
      if (fs.existsSync(folder.backupsDir)) for (const name of fs.readdirSync(folder.backupsDir)) if (name.endsWith('.part')) fs.rmSync(path.join(folder.backupsDir, name), { force: true });
      const background = Boolean(options.backgroundCheck) && !lock.uncleanShutdown && fs.existsSync(folder.file) && fs.statSync(folder.file).size > 0;
      await folder.load(lock.uncleanShutdown ? 'full' : background ? 'none' : 'quick');
      if (background && folder.core) {
        const started = folder.checkInBackground(options.startupBackup !== false);
        folder.checking = started.checked;
        folder.started = started.done;
      }
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

  get uncleanShutdown(): boolean {
    return this.lock.uncleanShutdown;
  }

  get isDamaged(): boolean {
    return this.damage !== null;
  }

  /** The open core; absent in recovery mode. */
  get appCore(): AppCore | null {
    return this.core;
  }

  /**
   * The worker's check, then its start-up backup. Writes wait for the check only (`checked`); the
   * backup finishes on its own (`done`). A failed check closes the database and switches to recovery
   * mode; a worker that cannot start or dies first (an unusual packaging) falls back to checking here.
   */
  private checkInBackground(startupBackup: boolean): { checked: Promise<void>; done: Promise<void> } {
    const name = backupFileName(this.now(), 'startup');
    const marker = this.changeMarker();
    fs.mkdirSync(this.backupsDir, { recursive: true });
    let markChecked!: () => void;
    let markDone!: () => void;
    const checked = new Promise<void>((resolve) => (markChecked = resolve));
    const done = new Promise<void>((resolve) => (markDone = resolve));
    let gotCheck = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
      this.checking = null;
      markChecked();
      markDone();
    };
    const verdict = (ok: boolean, reason: string | null) => {
      gotCheck = true;
      if (!ok) this.enterRecovery(reason ?? 'quick_check failed');
      this.checking = null;
      markChecked();
    };
    let fellBack = false;
    const fallBack = (error?: unknown) => {
      if (fellBack || finished) return;
      fellBack = true;
      if (error) this.options.onUnexpected?.(error);
      this.checkHere(startupBackup).then(finish, finish);
    };
    let worker: Worker;
    try {
      worker = new Worker(this.options.checkWorkerFile ?? defaultCheckWorker(), {
        workerData: { file: this.file, nativeBinding: this.options.nativeBinding, backupTarget: startupBackup ? path.join(this.backupsDir, name) : null },
      });
    } catch (error) {
      fallBack(error);
      return { checked, done };
    }
    this.worker = worker;
    worker.on('message', (message: { kind: string; ok?: boolean; reason?: string | null }) => {
      if (message.kind === 'check') {
        verdict(Boolean(message.ok), message.reason ?? null);
        if (!message.ok || !startupBackup) finish();
        return;
      }
      if (message.kind === 'backup') {
        this.lastBackedUpChange = marker;
        this.prune();
      } else this.options.onUnexpected?.(new Error(`Start-up backup failed: ${message.reason}`));
      finish();
    });
    worker.on('error', (error) => (gotCheck ? finish() : fallBack(error)));
    worker.on('exit', () => (gotCheck ? finish() : fallBack()));
    return { checked, done };
  }

  /** A damaged file: close it (writing nothing), remember why, and answer only what recovery needs. */
  private enterRecovery(reason: string): void {
    this.core?.close();
    this.core = null;
    this.damage = reason;
    this.active = this.recoveryDispatcher();
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
      this.core = createCore(database, {
        now: this.options.now,
        attachmentsDir: this.attachmentsDir,
        onUnexpected: this.options.onUnexpected,
        fontsDir: this.options.fontsDir,
        folder: { handlers: this.handlers(), info: () => this.info() },
      });
      this.damage = null;
      this.active = this.core.dispatcher;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'DB_DAMAGED') throw error;
      // Never build an empty database over a damaged one: keep it, and offer the backups.
      this.enterRecovery(String(error.details?.params?.reason ?? error.message));
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
  async backupToFile(): Promise<FileContent> {
    if (!this.core) throw this.damagedError();
    const temporary = path.join(this.dir, `.export-${process.pid}-${Date.now()}.sqlite`);
    try {
      await backupDatabase(this.core.database.sqlite, temporary, { nativeBinding: this.options.nativeBinding });
      const stamp = backupFileName(this.now(), 'manual').replace(/^alliance-/, '').replace(/-\d{3}-manual\.sqlite$/, '');
      return { fileName: `联合体数据备份-${stamp}.sqlite`, mimeType: 'application/vnd.sqlite3', bytes: fs.readFileSync(temporary).toString('base64') };
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
  async restoreFrom(source: string): Promise<void> {
    const verdict = checkFile(source, { nativeBinding: this.options.nativeBinding });
    if (!verdict.ok) {
      throw new AppError('BACKUP_DAMAGED', `This backup failed its integrity check: ${verdict.reason}`, { key: 'errors.backupDamaged', params: { reason: verdict.reason ?? '' } });
    }
    if (!verdict.hasMembers) throw new AppError('BACKUP_DAMAGED', 'This file is not a backup of this app.', { key: 'errors.notABackup' });
    const known = loadMigrations(this.options.migrationsFolder ?? defaultMigrationsFolder()).length;
    if ((verdict.schemaVersion ?? 0) > known) {
      throw new AppError('DB_NEWER_THAN_APP', 'This backup was written by a newer version of the app.', { key: 'errors.dbNewerThanApp' });
    }
    if (this.core) {
      await this.backup('before-restore');
      this.core.close();
      this.core = null;
    } else {
      const aside = path.join(this.dir, `alliance.damaged-${backupFileName(this.now(), 'manual').slice(9, 28)}.sqlite`);
      fs.renameSync(this.file, aside);
      for (const suffix of ['-wal', '-shm']) if (fs.existsSync(this.file + suffix)) fs.renameSync(this.file + suffix, aside + suffix);
    }
    this.active = this.unavailable('DB_BUSY');
    const staging = `${this.file}.restoring`;
    fs.copyFileSync(source, staging);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
    fs.renameSync(staging, this.file);
    await this.load('quick');
    this.lastBackedUpChange = -1;
  }

  async restoreBackup(name: string): Promise<void> {
    // Only a name from the list: never a path from the caller.
    const backup = this.listBackups().find((b) => b.name === name);
    if (!backup) throw new AppError('NOT_FOUND', 'No such backup.', { key: 'errors.backupNotFound' });
    await this.restoreFrom(path.join(this.backupsDir, backup.name));
  }

  async restoreUploaded(input: ApiParsed<'backups.restoreFile'>): Promise<void> {
    const temporary = path.join(this.dir, `.upload-${process.pid}-${Date.now()}.sqlite`);
    try {
      fs.writeFileSync(temporary, Buffer.from(input.contentBase64, 'base64'));
      await this.restoreFrom(temporary);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** What the first screen shows about the file: where it is, and whether it is healthy. */
  info(): Pick<AppOverview, 'health' | 'dataFile'> {
    return {
      dataFile: this.file,
      health: this.damage === null ? { state: 'ok', uncleanShutdown: this.uncleanShutdown } : { state: 'damaged', reason: this.damage, newestBackup: this.listBackups()[0]?.name ?? null },
    };
  }

  private handlers(): HandlerMap {
    return {
      ...(this.options.ownerHandlers ?? withoutWorkspace),
      'backups.list': () => this.listBackups(),
      'backups.create': () => this.backupToFile(),
      'backups.restore': async (input) => {
        await this.restoreBackup(input.name);
        return { restored: input.name };
      },
      'backups.restoreFile': async (input) => {
        await this.restoreUploaded(input);
        return { restored: input.fileName };
      },
      'app.check': () => this.check(),
    };
  }

  private damagedError(): AppError {
    return new AppError('DB_DAMAGED', `The data file is damaged: ${this.damage}`, { key: 'errors.dbDamaged', params: { reason: this.damage ?? '' } });
  }

  private recoveryDispatcher(): Dispatcher {
    const refuse = () => {
      throw this.damagedError();
    };
    const map: HandlerMap = Object.fromEntries(apiMethods.filter((m) => !RECOVERY_METHODS.includes(m)).map((m) => [m, refuse]));
    const recovery: HandlerMap = {
      ...map,
      ...this.handlers(),
      'app.overview': () => ({ profile: null, memberCount: 0, sampleMemberCount: 0, ...this.info() }),
    };
    return createDispatcher({} as ServiceContext, [recovery], this.options.onUnexpected);
  }

  private unavailable(code: 'DB_BUSY'): Dispatcher {
    return { dispatch: () => ({ ok: false, error: { code, message: 'The data file is being switched; try again in a moment.', details: { key: 'errors.dbBusy' } } }) };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A start-up backup cut short leaves only its .part file, which the next open removes.
    void this.worker?.terminate();
    this.worker = null;
    this.core?.close();
    this.core = null;
    this.lock.release();
  }
}
