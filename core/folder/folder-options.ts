// What a data folder is opened with, and what it holds open.
import type { ImportWorkerOptions } from '../io/imports/row-reader.js';
import type { OpenedDatabase } from '../../db/open.js';
import type { ServiceContext } from '../contract/context.js';
import type { WorkspaceServices } from '../contract/services.js';

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
  /** The import's row-reading thread: the desktop app passes its bundled script (dist-electron/row-worker.js). */
  importWorker?: ImportWorkerOptions;
}

/** The open database and what the services use of it. */
export interface OpenCore {
  database: OpenedDatabase;
  ctx: ServiceContext;
}
