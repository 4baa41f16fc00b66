// `npm run reliability`: the figures docs/reliability.md reports. First the battery of attacks and
// accidents (scripts/reliability-battery.ts) with what held; then 10 MB and 100 MB data folders with
// generated members, timing the checks, a backup and restore round trips on each (median of 3).
// `--write-doc` puts both tables into docs/reliability.md; `--quick` runs 5 kills of each kind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataFolder } from '../core/folder/data-folder.js';
import { generateMembers } from '../core/sample/generate.js';
import { runCheck } from '../db/integrity.js';
import { batteryTable, runBattery } from './reliability-battery.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = async (fn: () => unknown | Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

async function folderOfSize(megabytes: number): Promise<{ dir: string; members: number; bytes: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `alliance-reliability-${megabytes}mb-`));
  const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
  let members = 0;
  for (;;) {
    folder.appCore!.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.statSync(folder.file).size;
    if (bytes >= megabytes * 1024 * 1024) {
      folder.close();
      return { dir, members, bytes };
    }
    members += generateMembers(folder.appCore!.ctx, 1000);
  }
}

const args = new Set(process.argv.slice(2));
const battery = batteryTable(await runBattery(args.has('--quick') ? 5 : 30));
console.log(battery);
console.log('');

const rows: string[][] = [];
for (const megabytes of [10, 100]) {
  const { dir, members, bytes } = await folderOfSize(megabytes);
  const opens: number[] = [];
  const quick: number[] = [];
  const full: number[] = [];
  const backups: number[] = [];
  const restores: number[] = [];
  let roundTrips = 0;
  for (let run = 0; run < 3; run++) {
    let folder!: DataFolder;
    opens.push(await time(async () => (folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false }))));
    const sqlite = folder.appCore!.database.sqlite;
    quick.push(runCheck(sqlite, 'quick_check').milliseconds);
    full.push(runCheck(sqlite, 'integrity_check').milliseconds);
    let backupName = '';
    backups.push(await time(async () => (backupName = (await folder.backup('manual')).name)));
    restores.push(await time(() => folder.restoreBackup(backupName)));
    const count = folder.appCore!.database.sqlite.prepare('SELECT count(*) FROM organizations').pluck().get() as number;
    if (count !== members) throw new Error(`round trip lost rows: ${count} of ${members}`);
    roundTrips++;
    folder.close();
  }
  const copy = new Database(path.join(dir, 'alliance.sqlite'), { readonly: true });
  const ok = copy.pragma('integrity_check', { simple: true });
  copy.close();
  rows.push([
    `${(bytes / 1024 / 1024).toFixed(0)} MB`,
    String(members),
    median(opens).toFixed(0),
    median(quick).toFixed(0),
    median(full).toFixed(0),
    median(backups).toFixed(0),
    median(restores).toFixed(0),
    `${roundTrips} (${ok})`,
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
}

const head = ['database', 'members', 'open + quick_check ms', 'quick_check ms', 'integrity_check ms', 'backup ms', 'restore ms', 'round trips (after)'];
const timings = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const machine = `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`;
console.log(timings);
console.log(`\n${machine}`);

if (args.has('--write-doc')) {
  const file = path.resolve(import.meta.dirname, '..', 'docs', 'reliability.md');
  const text = fs.readFileSync(file, 'utf8');
  const put = (doc: string, name: string, table: string) => {
    const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
    if (!doc.includes(start)) throw new Error(`docs/reliability.md has no ${start} marker`);
    return doc.slice(0, doc.indexOf(start) + start.length) + `\n${table}\n` + doc.slice(doc.indexOf(end));
  };
  fs.writeFileSync(file, put(put(text, 'battery', `${machine}\n\n${battery}`), 'timings', timings));
  console.error(`wrote the tables into ${file}`);
}
