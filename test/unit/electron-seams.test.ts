// The desktop shell's decisions, tested without the Electron binary.
import { describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from '../../core/contract/dispatcher.js';
import { IPC_CHANNEL, isTrustedSender, registerIpc, type InvokeEvent, type SenderFrame } from '../../electron/ipc.js';
import { buildMenuTemplate, MENU_LABELS_ZH, type FileActions } from '../../electron/menu.js';
import { hardenContents, isAppUrl, isPermissionAllowed, isSafeExternalUrl, secureWebPreferences, type HardenableContents } from '../../electron/security.js';

const appFrame: SenderFrame = { url: 'app://bundle/index.html', parent: null };

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  return { handle: (channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown) => void handlers.set(channel, listener), handlers };
}

describe('IPC registration', () => {
  const dispatch = vi.fn((method: string, input: unknown) => ({ ok: true as const, result: { method, input } }));
  const dispatcher: Dispatcher = { dispatch };
  const ipcMain = fakeIpcMain();
  registerIpc(ipcMain, dispatcher);
  const handler = ipcMain.handlers.get(IPC_CHANNEL)!;

  it('registers exactly one channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('passes calls from the app’s own main frame to the dispatcher', () => {
    expect(handler({ senderFrame: appFrame }, 'members.list', { limit: 5 })).toEqual({ ok: true, result: { method: 'members.list', input: { limit: 5 } } });
  });

  it.each([
    ['a foreign web page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///home/clerk/evil.html', parent: null }],
    ['a look-alike scheme host', { url: 'app://bundle.evil/index.html', parent: null }],
    ['credentials in the URL', { url: 'app://user:pw@bundle/index.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://bundle/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses %s', (_name, frame) => {
    dispatch.mockClear();
    expect(handler({ senderFrame: frame as SenderFrame | null }, 'members.delete', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('hands a non-string method name to the dispatcher as unknown', () => {
    dispatch.mockClear();
    handler({ senderFrame: appFrame }, { evil: true }, {});
    expect(dispatch).toHaveBeenCalledWith('', {}, undefined);
    expect(isTrustedSender(appFrame)).toBe(true);
  });
});

describe('window security', () => {
  it('uses sandboxed, isolated renderers without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
  });

  it('knows its own pages and safe external links', () => {
    expect(isAppUrl('app://bundle/index.html#/members')).toBe(true);
    for (const url of ['https://bundle/', 'app://other/', 'javascript:alert(1)', 'not a url', 'file:///etc/passwd']) expect(isAppUrl(url)).toBe(false);
    expect(isSafeExternalUrl('https://www.gov.cn/')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'smb://server/share', 'javascript:alert(1)', 'ms-msdt:/id', 'https://u:p@x.cn/']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('denies permissions unless listed, and only for the app', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://bundle/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial']) {
      expect(isPermissionAllowed(permission, 'app://bundle/index.html')).toBe(false);
    }
  });

  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    } as unknown as HardenableContents;
    const fire = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, fire, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks navigation and redirects away from the app, and webviews', () => {
    const { contents, fire } = fakeContents();
    hardenContents(contents, vi.fn());
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://bundle/index.html#/alliance')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('never opens new windows; http(s) links go to the system browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    hardenContents(contents, openExternal);
    expect(open('https://www.moe.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/evil.exe')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.moe.gov.cn/']]);
  });
});

describe('application menu', () => {
  const files: FileActions = { newDataFolder: vi.fn(), openDataFolder: vi.fn(), saveDataFolderAs: vi.fn() };
  const roles = (template: ReturnType<typeof buildMenuTemplate>) =>
    template.flatMap((item) => (Array.isArray(item.submenu) ? item.submenu.map((s) => s.role) : [item.role])).filter(Boolean);

  it('has the standard Edit commands so Ctrl+C/V/X/Z/A work in every field', () => {
    const template = buildMenuTemplate('win32', MENU_LABELS_ZH, { devTools: false, files });
    const edit = template.find((item) => item.label === '编辑')!;
    expect((edit.submenu as { role?: string }[]).map((s) => s.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(roles(template)).not.toContain('toggleDevTools');
  });

  it('has New, Open and Save As in the File menu, leaving Ctrl+N to the page', () => {
    const file = buildMenuTemplate('win32', MENU_LABELS_ZH, { devTools: false, files }).find((item) => item.label === '文件')!;
    const items = file.submenu as { label?: string; accelerator?: string; click?: () => void }[];
    expect(items.filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['新建数据文件…', 'CmdOrCtrl+Shift+N'],
      ['打开数据文件…', 'CmdOrCtrl+O'],
      ['另存为…', 'CmdOrCtrl+Shift+S'],
      ['退出', undefined],
    ]);
    items[1]!.click!();
    expect(files.openDataFolder).toHaveBeenCalled();
  });

  it('adds the macOS app menu only on macOS and dev tools only in development', () => {
    expect(roles(buildMenuTemplate('darwin', MENU_LABELS_ZH, { devTools: true, files }))).toEqual(expect.arrayContaining(['appMenu', 'toggleDevTools']));
    expect(roles(buildMenuTemplate('linux', MENU_LABELS_ZH, { devTools: false, files }))).not.toContain('appMenu');
  });
});
