// Desktop shell: wiring only. Every decision lives in a tested module (security, ipc, menu).
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { Workspace } from '../core/folder/workspace.js';
import { APP_FOLDER_NAME } from '../core/folder/data-dir.js';
import { AppError } from '../core/contract/errors.js';
import { resolveStaticFile } from '../core/shell/ui-files.js';
import { registerIpc, type IpcMainLike } from './ipc.js';
import { buildMenuTemplate, MENU_LABELS_ZH } from './menu.js';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  isPermissionAllowed,
  secureWebPreferences,
  type HardenableContents,
} from './security.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// Same folder as the browser shell's default (core/folder/data-dir.ts), whatever the product name.
app.setPath('userData', path.join(app.getPath('appData'), APP_FOLDER_NAME));

let mainWindow: BrowserWindow | null = null;
let core: Workspace | null = null;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: '产教联合体秘书处工作台',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.js')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The native folder dialog, in this process: the only source of folder paths in the desktop app. */
async function chooseFolder(): Promise<string | null> {
  if (!mainWindow) return null;
  const choice = await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] });
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/** File menu: the folder from the dialog, passed on as a handle like the page's own calls. */
async function switchFolder(method: 'files.create' | 'files.open' | 'files.saveAs'): Promise<void> {
  if (!mainWindow || !core) return;
  const folder = await chooseFolder();
  if (!folder) return;
  const purpose = method === 'files.create' ? 'create' : method === 'files.open' ? 'open' : 'saveAs';
  const response = await core.dispatcher.dispatch(method, { handle: core.handleFor(folder, purpose) });
  if (!response.ok) dialog.showErrorBox('产教联合体秘书处工作台', response.error.message);
  else mainWindow.reload();
}

async function start(): Promise<void> {
  const dataDir = process.env.ALLIANCE_DATA_DIR ?? app.getPath('userData');
  try {
    // Migrate before any window or listener exists.
    core = await Workspace.open(dataDir, {
      migrationsFolder: path.join(app.getAppPath(), 'db', 'migrations'),
      // The pdf faces' packages (serif body and title, sans headings) inside the archive.
      fontsDir: path.join(app.getAppPath(), 'node_modules'),
      // Unpacked from the archive (electron-builder asarUnpack) so a worker thread can load it.
      backgroundCheck: true,
      checkWorkerFile: path.join(app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked'), 'db', 'check-worker.cjs'),
      // The import's row reader, bundled whole by scripts/build-electron.mjs and unpacked likewise.
      importWorker: { file: path.join(app.getAppPath().replace(/app\.asar$/, 'app.asar.unpacked'), 'dist-electron', 'row-worker.js') },
      // Development runs use a binding built for Electron beside the Node one (scripts/start.mjs).
      nativeBinding: app.isPackaged ? undefined : process.env.ALLIANCE_SQLITE_ELECTRON_BINDING,
      onUnexpected: (error) => console.error(error),
      chooseFolder,
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    dialog.showErrorBox('无法打开数据文件 / Cannot open the data file', `${message}\n\n${dataDir}`);
    app.quit();
    return;
  }

  const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStaticFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  registerIpc(ipcMain as unknown as IpcMainLike, core!.dispatcher);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, MENU_LABELS_ZH, {
        devTools: !app.isPackaged,
        files: {
          newDataFolder: () => void switchFolder('files.create'),
          openDataFolder: () => void switchFolder('files.open'),
          saveDataFolderAs: () => void switchFolder('files.saveAs'),
        },
      }),
    ),
  );
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another window already has this data folder open: hand over to it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents as unknown as HardenableContents, (url) => void shell.openExternal(url)),
  );
  app.on('window-all-closed', () => {
    core?.close();
    app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  void app.whenReady().then(start);
}
