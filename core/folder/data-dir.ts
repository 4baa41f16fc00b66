// Where the data lives when no folder is given: the same per-user folder Electron's userData uses
// (main.ts points userData here), so the desktop app and the browser shell open the same records.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'alliance-secretariat';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.ALLIANCE_DATA_DIR) return env.ALLIANCE_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_FOLDER_NAME);
}
