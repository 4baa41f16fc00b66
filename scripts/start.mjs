// `npm start`: the desktop app where Electron can run; otherwise the browser shell on the default
// data folder, with one line saying why. Electron fetches its binary from the internet on first
// use, so on a machine without internet (or without a display) the browser shell is the app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function electronBinary() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const full = path.join(electronDir, 'dist', relative);
    return fs.existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

function whyElectronCannotRun() {
  if (process.env.ALLIANCE_BROWSER_SHELL === '1') return 'ALLIANCE_BROWSER_SHELL=1 is set';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  if (!electronBinary()) {
    // First run: let Electron's own installer try to download its binary.
    spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
    if (!electronBinary()) return 'the Electron binary is not installed and could not be downloaded';
  }
  return null;
}

/** better-sqlite3 built for Electron in .cache/, so node_modules keeps the Node build tests use. */
function electronSqliteBinding() {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const moduleDir = path.join(root, '.cache', `electron-${electronVersion}`);
  const binding = path.join(moduleDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  fs.rmSync(moduleDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(moduleDir, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(moduleDir, 'node_modules', 'better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(moduleDir, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  const env = { ...process.env };
  delete env.npm_config_nodedir; // a Node headers override would build for Node again
  const result = spawnSync(bin('electron-rebuild'), ['--version', electronVersion, '--module-dir', moduleDir, '--only', 'better-sqlite3', '--force'], { stdio: 'inherit', env });
  if (result.status !== 0 || !fs.existsSync(binding)) throw new Error('Could not build better-sqlite3 for Electron.');
  return binding;
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const reason = whyElectronCannotRun();
if (reason) {
  console.log(`Starting the browser shell instead of the desktop app: ${reason}.`);
  run(bin('tsx'), [path.join(root, 'server', 'cli.ts'), ...process.argv.slice(2)]);
} else {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(electronBinary(), [root], { ...process.env, ALLIANCE_SQLITE_ELECTRON_BINDING: electronSqliteBinding() });
}
