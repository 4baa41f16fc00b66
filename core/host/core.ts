// A bare database as a host: what tests and tools start with. It has no data folder to back up
// into or restore from, and no app to switch folders; those methods answer UNAVAILABLE.
import type { OpenedDatabase } from '../../db/open.js';
import type { ServiceContext } from '../contract/context.js';
import { createDispatcher, type Dispatcher } from '../contract/dispatcher.js';
import { AppError } from '../contract/errors.js';
import type { Host, Services } from '../contract/services.js';
import { appHandlers } from './handlers.js';
import { fillStrokeKeys } from '../members/stroke-backfill.js';
import type { ImportWorkerOptions } from '../io/imports/row-reader.js';

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
  /** When and from where an import reads its rows on a second thread (tests force it on or off). */
  importWorker?: ImportWorkerOptions;
}

export function createCore(database: OpenedDatabase, options: CoreOptions): AppCore {
  const ctx: ServiceContext = { db: database.db, sqlite: database.sqlite, now: options.now ?? (() => new Date()), attachmentsDir: options.attachmentsDir, fontsDir: options.fontsDir, importWorker: options.importWorker };
  fillStrokeKeys(database.sqlite);
  const services: Services = {
    ctx,
    get folder(): never {
      throw new AppError('UNAVAILABLE', 'Backups need a data folder.', { key: 'errors.unavailable' });
    },
    get workspace(): never {
      throw new AppError('UNAVAILABLE', 'Opening another data file needs the app.', { key: 'errors.unavailable' });
    },
    info: () => ({ health: { state: 'ok', uncleanShutdown: false }, dataFile: null }),
  };
  const host: Host = { services, checking: () => null, damage: () => null, readOnly: () => null };
  return { database, ctx, dispatcher: createDispatcher(appHandlers, host, options.onUnexpected), close: () => database.close() };
}
