// Opens a data folder and wires the services: what every shell (Electron, browser host, CLI) starts with.
import path from 'node:path';
import { openDatabase, type OpenedDatabase, type OpenOptions } from '../db/open.js';
import { agreementHandlers } from './agreements.js';
import { allianceHandlers } from './alliance.js';
import { attachmentHandlers } from './attachments.js';
import { ceremonyHandlers } from './ceremony.js';
import { changeHandlers } from './changelog.js';
import { contactHandlers } from './contacts.js';
import type { ServiceContext } from './context.js';
import { dashboardHandlers } from './dashboard.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { eventHandlers } from './events.js';
import { memberHandlers } from './members.js';
import { reportHandlers } from './reports.js';
import { sampleHandlers } from './sample/sample-alliance.js';
import { settingsHandlers } from './settings.js';
import { talentHandlers } from './talent.js';

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
}

export function createCore(database: OpenedDatabase, options: CoreOptions): AppCore {
  const ctx: ServiceContext = { db: database.db, sqlite: database.sqlite, now: options.now ?? (() => new Date()), attachmentsDir: options.attachmentsDir };
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
    ],
    options.onUnexpected,
  );
  return { database, ctx, dispatcher, close: () => database.close() };
}

/** Opens (creating if needed, migrating if old) the database in a data folder. */
export async function openDataDir(dataDir: string, options: OpenOptions = {}): Promise<AppCore> {
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME), options);
  return createCore(database, { attachmentsDir: path.join(dataDir, 'attachments'), onUnexpected: (error) => console.error(error) });
}
