// Bundles the desktop shell's main and preload scripts to CommonJS (the preload runs sandboxed
// and cannot load other files). better-sqlite3 stays external: it is a native module that
// electron-builder rebuilds for Electron when packaging.
import { build } from 'esbuild';
import fs from 'node:fs';

// main.ts always passes its migrations folder, so db/open.ts's import.meta default is never used there.
const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };

// Libraries that read their own data files next to their code (pdfkit's font metrics) or are loaded
// on first use stay in node_modules instead of the bundle.
// SheetJS is loaded by the legacy-format worker from its own path (unpacked from the archive).
// resvg loads its native binary for the platform (unpacked with every *.node); ECharts is large and
// needed only for a report's charts.
const loadedFromNodeModules = ['pdfkit', 'exceljs', '@e965/xlsx', '@resvg/resvg-js', 'echarts'];

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.js', external: ['electron', 'better-sqlite3', ...loadedFromNodeModules] });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.js', external: ['electron'] });
// The import's row reader runs on a worker thread, which loads its script from disk: one file with
// everything it needs inside (no database, no native module), unpacked from the archive.
await build({ ...common, entryPoints: ['core/io/imports/row-worker.ts'], outfile: 'dist-electron/row-worker.js' });
// Plain .js files (which security scanners read) that Node and Electron load as CommonJS.
fs.writeFileSync('dist-electron/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
console.log('Built dist-electron/main.js, preload.js and row-worker.js');
