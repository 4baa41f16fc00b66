// The application menu as data. The Edit menu uses Electron's roles so the standard shortcuts
// (Ctrl/Cmd+Z, X, C, V, A) work in every text field.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuLabels {
  file: string;
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
  quit: '退出',
  edit: '编辑',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  help: '帮助',
  about: '关于',
};

export function buildMenuTemplate(platform: NodeJS.Platform, labels: MenuLabels, options: { devTools: boolean }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ label: labels.file, submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit', label: labels.quit }] });
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
