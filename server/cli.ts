// `npm run serve -- --data-dir DIR --port N [--no-open]`: the browser shell.
// Prints exactly one line on stdout, a launch link (its token works once); everything else, later
// links included, goes to stderr. Scripts that drive it set ALLIANCE_API_TOKEN in its environment
// and use that as a Bearer token (see server/session.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Workspace } from '../core/folder/workspace.js';
import { defaultDataDir } from '../core/folder/data-dir.js';
import { AppError } from '../core/contract/errors.js';
import { createHost, listen } from './host.js';
import { Sessions } from './session.js';
import { openBrowser } from './open-browser.js';

const USAGE = 'Usage: npm run serve -- [--data-dir DIR] [--port N] [--no-open]';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  let values: { 'data-dir'?: string; port?: string; 'no-open'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535.\n${USAGE}`);
    process.exit(2);
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const staticRoot = path.join(projectRoot, 'dist', 'renderer');

  // Migrate (and back up) before listening: no request can reach a half-migrated database.
  // The file check and start-up backup run on a worker thread: the first page does not wait for them.
  const core = await Workspace.open(dataDir, { backgroundCheck: true, onUnexpected: (error) => console.error(error) });
  if (core.current.isDamaged) console.error('The data file failed its integrity check; the app opens in recovery mode and offers the backups.');
  const sessions = new Sessions();
  const apiToken = process.env.ALLIANCE_API_TOKEN && process.env.ALLIANCE_API_TOKEN.length >= 16 ? process.env.ALLIANCE_API_TOKEN : undefined;
  let origin = '';
  const link = () => `${origin}/?token=${sessions.newLaunchToken()}`;
  const server = createHost({
    dispatcher: core.dispatcher,
    sessions,
    apiToken,
    staticRoot,
    onSignInNeeded: () => console.error(`A page asked to sign in. Open this link (it works once): ${link()}`),
  });
  let actualPort: number;
  try {
    actualPort = await listen(server, port);
  } catch (error) {
    core.close();
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port.` : String(error));
    process.exit(1);
  }
  origin = `http://127.0.0.1:${actualPort}`;
  process.stdout.write(`${link()}\n`);
  console.error(`Data folder: ${dataDir}`);
  // The browser gets a link of its own, so the one printed above still works once.
  if (!values['no-open']) openBrowser(link());

  const shutdown = () => {
    server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
});
