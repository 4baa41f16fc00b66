// Opens a data folder and wires the services: what every shell (Electron, browser host, CLI) starts with.
import type { OpenedDatabase } from '../../db/open.js';
import { agreementHandlers } from '../agreements/agreements.js';
import { allianceHandlers } from '../alliance/alliance.js';
import { attachmentHandlers } from '../attachments/attachments.js';
import { ceremonyHandlers } from '../events/ceremony.js';
import { changeHandlers } from '../history/changelog.js';
import { contactHandlers } from '../members/contacts.js';
import type { ServiceContext } from '../contract/context.js';
import { dashboardHandlers } from '../alliance/dashboard.js';
import { createDispatcher, type Dispatcher, type HandlerMap } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import { eventHandlers } from '../events/events.js';
import { exportHandlers } from '../io/exports/exports.js';
import { historyHandlers } from '../history/history.js';
import { importHandlers } from '../io/imports/member-import.js';
import { memberHandlers } from '../members/members.js';
import { reportHandlers } from '../members/roster.js';
import { sampleHandlers } from '../sample/sample-alliance.js';
import { settingsHandlers } from '../alliance/settings.js';
import { talentHandlers } from '../talent/talent.js';

export const DATABASE_FILE_NAME = 'alliance.sqlite';

export interface AppCore {
  database: OpenedDatabase;
  ctx: ServiceContext;
  dispatcher: Dispatcher;
  close(): void;
}

export interface CoreOptions {
  now?: () => Date;
  /** Where attachments are kept; a data folder keeps them in its `attachments/`. */
  attachmentsDir: string;
  onUnexpected?: (error: unknown) => void;
  /** The pdf font folder, for a packaged app whose node_modules sit inside its archive. */
  fontsDir?: string;
  /** The data folder's own methods (backups, restore, check) and facts; absent for a bare database. */
  folder?: { handlers: HandlerMap; info: NonNullable<ServiceContext['folderInfo']> };
}

// A bare database (tests, tools) has no folder to back up into or restore from.
const withoutFolder: HandlerMap = Object.fromEntries(
  (['backups.list', 'backups.create', 'backups.restore', 'backups.restoreFile', 'app.check', 'files.open', 'files.create', 'files.saveAs'] as const).map((method) => [
    method,
    () => {
      throw new AppError('UNAVAILABLE', 'Backups need a data folder.', { key: 'errors.unavailable' });
    },
  ]),
);

export function createCore(database: OpenedDatabase, options: CoreOptions): AppCore {
  const ctx: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    now: options.now ?? (() => new Date()),
    attachmentsDir: options.attachmentsDir,
    fontsDir: options.fontsDir,
    folderInfo: options.folder?.info,
  };
  const dispatcher = createDispatcher(
    ctx,
    [
      allianceHandlers,
      memberHandlers,
      contactHandlers,
      reportHandlers,
      changeHandlers,
      sampleHandlers,
      settingsHandlers,
      agreementHandlers,
      attachmentHandlers,
      eventHandlers,
      ceremonyHandlers,
      talentHandlers,
      dashboardHandlers,
      historyHandlers,
      exportHandlers,
      importHandlers,
      options.folder?.handlers ?? withoutFolder,
    ],
    options.onUnexpected,
  );
  return { database, ctx, dispatcher, close: () => database.close() };
}


