// Child process for the kill battery: opens a data folder and does one kind of work over and over
// through the app's own code until it is killed — kept backups, `backup --out` to one file outside
// the folder, or restores alternating between two backups. It prints `begin` when the work starts,
// `start N` before each round and `done N` after it, so the parent knows where the signal hit.
import { DataFolder } from '../../core/folder/data-folder.js';
import { runCli } from '../../core/cli/run-cli.js';

const [work, dir, target] = process.argv.slice(2) as ['backup' | 'backup-out' | 'restore', string, string | undefined];
const say = (line: string) => process.stdout.write(`${line}\n`);
const quiet = { out: () => undefined, err: (line: string) => process.stderr.write(`${line}\n`) };

if (work === 'backup-out') {
  // The real command line, as the clerk runs it: it opens the folder, writes, closes.
  say('begin');
  for (let round = 1; ; round++) {
    say(`start ${round}`);
    const code = await runCli(['--data-dir', dir, 'backup', '--out', target!], quiet);
    if (code !== 0) throw new Error(`backup --out exited ${code}`);
    say(`done ${round}`);
  }
}

const folder = await DataFolder.open(dir, { autoBackupMinutes: null, startupBackup: false });
const names = folder.listBackups().map((b) => b.name);
say('begin');
for (let round = 1; ; round++) {
  say(`start ${round}`);
  if (work === 'backup') await folder.backup('manual');
  else {
    const response = await folder.dispatcher.dispatch('backups.restore', { name: names[round % 2]! });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
  }
  say(`done ${round}`);
}
