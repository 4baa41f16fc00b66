// Project rules a fresh machine and a packager depend on.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('packaging configuration', () => {
  const config = require('../../electron-builder.config.cjs') as Record<string, any>;
  const targets = (platform: string) => (config[platform].target as { target: string; arch: string[] }[]).map((t) => `${t.target}:${[...t.arch].sort().join('+')}`);

  it('builds Windows NSIS, macOS dmg, Linux AppImage and deb for x64 and arm64', () => {
    expect(targets('win')).toEqual(['nsis:arm64+x64']);
    expect(targets('mac')).toEqual(['dmg:arm64+x64']);
    expect(targets('linux').sort()).toEqual(['AppImage:arm64+x64', 'deb:arm64+x64']);
  });

  it('packages the built app and its migrations, with native modules unpacked and rebuilt for Electron', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'db/migrations/**']));
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).not.toBe(false);
    expect(config.directories.buildResources).toBe('build');
    for (const platform of ['win', 'mac', 'linux']) expect(fs.existsSync(config[platform].icon), platform).toBe(true);
  });

  it('unpacks from the archive every file the check worker loads, so a worker thread can load them', () => {
    // Every file loaded when the worker's own require('better-sqlite3') opens a database, traced in a child.
    const trace = execFileSync(
      process.execPath,
      ['-e', "const m=require('node:module').createRequire(require('node:path').resolve('db/check-worker.cjs'));const D=m('better-sqlite3');new D(':memory:').close();console.log(JSON.stringify(Object.keys(require.cache)))"],
      { encoding: 'utf8' },
    );
    const loaded = (JSON.parse(trace) as string[]).map((file) => path.relative(process.cwd(), file).split(path.sep).join('/'));
    const needed = ['db/check-worker.cjs', ...loaded.filter((file) => file.startsWith('node_modules/'))];
    expect(needed.some((file) => file.startsWith('node_modules/better-sqlite3/lib/'))).toBe(true);
    expect(needed.some((file) => file.endsWith('.node'))).toBe(true);
    const unpacked = (file: string) => (config.asarUnpack as string[]).some((glob) => path.matchesGlob(file, glob));
    expect(needed.filter((file) => !unpacked(file))).toEqual([]);
    // And the desktop shell points the worker at its unpacked copy.
    expect(fs.readFileSync('electron/main.ts', 'utf8')).toMatch(/replace\(\/app\\\.asar\$\/, 'app\.asar\.unpacked'\)/);
  });

  it('bundles the import row reader whole, unpacked from the archive, and points the desktop shell at it', () => {
    // A worker thread loads its script from disk; the import test runs the bundle itself (import-row-reader).
    expect(fs.readFileSync('scripts/build-electron.mjs', 'utf8')).toContain("outfile: 'dist-electron/row-worker.js'");
    expect(config.asarUnpack).toContain('dist-electron/row-worker.js');
    expect(fs.readFileSync('electron/main.ts', 'utf8')).toMatch(/importWorker: \{ file: path\.join\(app\.getAppPath\(\)\.replace\(\/app\\\.asar\$\/, 'app\.asar\.unpacked'\), 'dist-electron', 'row-worker\.js'\) \}/);
  });

  it('points main at the bundled Electron entry the build script writes', () => {
    expect((pkg as unknown as { main: string }).main).toBe('dist-electron/main.js');
    expect(fs.readFileSync('scripts/build-electron.mjs', 'utf8')).toContain("outfile: 'dist-electron/main.js'");
  });
});

describe('dependencies', () => {
  it('never rebuilds better-sqlite3 for Electron on install (it would replace the Node build tests use)', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook] ?? '').not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/);
    }
  });

  it('pins the versions known to work on Node 20', () => {
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^?12\./);
    expect(pkg.devDependencies.vitest).toMatch(/^\^?4\./);
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });

  it('has the scripts the README promises', () => {
    for (const script of ['start', 'test', 'serve', 'cli', 'build', 'dist']) expect(pkg.scripts[script], script).toBeTruthy();
  });
});
