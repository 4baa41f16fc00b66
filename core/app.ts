// Opens a data folder and wires the services: what every shell (Electron, browser host, CLI) starts with.
import path from 'node:path';
import { openDatabase, type OpenedDatabase, type OpenOptions } from '../db/open.js';
import { allianceHandlers } from './alliance.js';
import { changeHandlers } from './changelog.js';
import { contactHandlers } from './contacts.js';
import type { ServiceContext } from './context.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import { memberHandlers } from './members.js';
import { reportHandlers } from './reports.js';
import { sampleHandlers } from './sample/sample-alliance.js';

export const DATABASE_FILE_NAME = 'alliance.sqlite';

export interface AppCore {
  database: OpenedDatabase;
  ctx: ServiceContext;
  dispatcher: Dispatcher;
  close(): void;
}

export function createCore(database: OpenedDatabase, now: () => Date = () => new Date(), onUnexpected?: (error: unknown) => void): AppCore {
  const ctx: ServiceContext = { db: database.db, sqlite: database.sqlite, now };
  const dispatcher = createDispatcher(
    ctx,
    [allianceHandlers, memberHandlers, contactHandlers, reportHandlers, changeHandlers, sampleHandlers],
    onUnexpected,
  );
  return { database, ctx, dispatcher, close: () => database.close() };
}

/** Opens (creating if needed, migrating if old) the database in a data folder. */
export async function openDataDir(dataDir: string, options: OpenOptions = {}): Promise<AppCore> {
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME), options);
  return createCore(database, undefined, (error) => console.error(error));
}
