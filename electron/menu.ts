// The application menu as data. The Edit menu uses Electron's roles so the standard shortcuts
// (Ctrl/Cmd+Z, X, C, V, A) work in every text field.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuLabels {
  file: string;
  newDataFolder: string;
  openDataFolder: string;
  saveDataFolderAs: string;
  quit: string;
  edit: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  help: string;
  about: string;
}

export const MENU_LABELS_ZH: MenuLabels = {
  file: '文件',
  newDataFolder: '新建数据文件…',
  openDataFolder: '打开数据文件…',
  saveDataFolderAs: '另存为…',
  quit: '退出',
  edit: '编辑',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  help: '帮助',
  about: '关于',
};

/** What the File menu does; main.ts shows the folder dialogs and switches the workspace. */
export interface FileActions {
  newDataFolder(): void;
  openDataFolder(): void;
  saveDataFolderAs(): void;
}

export function buildMenuTemplate(platform: NodeJS.Platform, labels: MenuLabels, options: { devTools: boolean; files: FileActions }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({
    label: labels.file,
    submenu: [
      // Ctrl+N stays with the page (new member); a new data file is rarer and gets Shift.
      { label: labels.newDataFolder, accelerator: 'CmdOrCtrl+Shift+N', click: () => options.files.newDataFolder() },
      { label: labels.openDataFolder, accelerator: 'CmdOrCtrl+O', click: () => options.files.openDataFolder() },
      { label: labels.saveDataFolderAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => options.files.saveDataFolderAs() },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit', label: labels.quit },
    ],
  });
  template.push({
    label: labels.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: labels.view,
    submenu: [
      { role: 'reload', label: labels.reload },
      ...(options.devTools ? [{ role: 'toggleDevTools' as const, label: labels.toggleDevTools }] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ label: labels.help, role: 'help', submenu: [{ role: 'about', label: labels.about }] });
  return template;
}
